import { attachmentLimits, contentTypePattern } from '@jotter/shared/attachment-limits';
import { formatBytes } from './format-bytes';

const limits = attachmentLimits;

// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f-\u009f]/;

/** The MIME type to declare: the browser's guess, or octet-stream when it has none (or a bad one). */
export function contentTypeOf(file: { type: string }): string {
  return file.type && file.type.length <= 127 && contentTypePattern.test(file.type) ? file.type : 'application/octet-stream';
}

/** Why this file can't be attached (checked before anything is sent), or null when it can. */
export function fileProblem(file: { name: string; size: number }): string | null {
  const name = file.name.trim();
  if (name === '') return 'A file without a name can’t be attached.';
  if (name.length > limits.fileNameMax) return `${name.slice(0, 40)}… has a name longer than ${limits.fileNameMax} characters — rename it first.`;
  if (controlChars.test(name)) return `${name.replace(new RegExp(controlChars, 'g'), '?')} has control characters in its name — rename it first.`;
  if (file.size === 0) return `${name} is empty — there is nothing to attach.`;
  if (file.size > limits.maxBytes) {
    const max = formatBytes(limits.maxBytes);
    // Just over the limit would read "is 10 MB — at most 10 MB": say it in bytes then.
    const size = formatBytes(file.size) === max ? `${file.size.toLocaleString('en-US')} bytes` : formatBytes(file.size);
    return `${name} is ${size} — files can be at most ${max}.`;
  }
  return null;
}
