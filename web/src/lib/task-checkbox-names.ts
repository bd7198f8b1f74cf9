/**
 * Names each task-list checkbox in rendered Markdown after its item's own text (not its
 * sub-list's), so a screen reader says "tea, checkbox, checked" rather than an unnamed checkbox.
 * Used wherever rendered notes are shown (the editor's preview, a shared note's page).
 */
export function nameTaskCheckboxes(root: HTMLElement | null): void {
  const boxes = root?.querySelectorAll<HTMLInputElement>('li > input[type=checkbox]') ?? [];
  boxes.forEach((box, index) => {
    const item = box.closest('li')?.cloneNode(true) as HTMLElement | undefined;
    item?.querySelectorAll('ul, ol').forEach((list) => list.remove());
    box.setAttribute('aria-label', item?.textContent?.trim() || `Task ${index + 1}`);
  });
}
