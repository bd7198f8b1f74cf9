import { createMarkdownRenderer, toggleTask } from '@jotter/shared/markdown';
import { useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import { nameTaskCheckboxes } from '../../../lib/task-checkbox-names';
import styles from './markdown-preview.module.css';

// Its own chunk (marked + DOMPurify, ~25 kB gzip): loaded the first time a note is previewed.
const renderer = createMarkdownRenderer(window);

export interface MarkdownPreviewProps {
  content: string;
  /** A task-list checkbox was ticked or unticked: the content with that task's `[ ]`/`[x]` changed. */
  onChange: (content: string) => void;
}

export default function MarkdownPreview({ content, onChange }: MarkdownPreviewProps) {
  const html = useMemo(() => renderer.render(content), [content]);
  const previewRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => nameTaskCheckboxes(previewRef.current), [html]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLInputElement) || !target.hasAttribute('data-task-index')) return;
    const checked = target.checked;
    // The text is the source of truth: the box shows its new state once the source re-renders.
    event.preventDefault();
    onChange(toggleTask(content, Number(target.getAttribute('data-task-index')), checked));
  };

  if (content.trim() === '') return <p className={styles.empty}>Nothing to preview yet.</p>;
  // The HTML comes out of the shared renderer, sanitized by DOMPurify (see packages/shared/src/markdown.ts).
  return <div ref={previewRef} className={styles.preview} data-testid="markdown-preview" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
