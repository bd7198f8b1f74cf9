import { attachmentLimits as limits } from '@jotter/shared/attachment-limits';
import { formatBytes } from './format-bytes';
import { contentTypeOf, fileProblem } from './validate';

it('formats sizes in binary units', () => {
  expect(formatBytes(0)).toBe('0 bytes');
  expect(formatBytes(1)).toBe('1 byte');
  expect(formatBytes(912)).toBe('912 bytes');
  expect(formatBytes(48_213)).toBe('47 KB');
  expect(formatBytes(1536)).toBe('1.5 KB');
  expect(formatBytes(3 * 1024 * 1024 + 400 * 1024)).toBe('3.4 MB');
  expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  expect(formatBytes(12.3 * 1024 * 1024)).toBe('12.3 MB');
  expect(formatBytes(150 * 1024 * 1024)).toBe('150 MB');
  expect(formatBytes(20 * 1024)).toBe('20 KB');
  expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
});

it('explains why a file cannot be attached', () => {
  expect(fileProblem({ name: 'big.iso', size: 12.3 * 1024 * 1024 })).toBe('big.iso is 12.3 MB — files can be at most 10 MB.');
  expect(fileProblem({ name: 'edge.bin', size: limits.maxBytes + 1 })).toBe('edge.bin is 10,485,761 bytes — files can be at most 10 MB.');
  expect(fileProblem({ name: 'ok.pdf', size: limits.maxBytes })).toBeNull();
  expect(fileProblem({ name: 'empty.txt', size: 0 })).toMatch(/empty\.txt is empty/);
  expect(fileProblem({ name: 'x'.repeat(256), size: 1 })).toMatch(/longer than 255 characters/);
  expect(fileProblem({ name: 'bad\u0007name', size: 1 })).toMatch(/control characters/);
});

it('declares octet-stream when the browser has no (valid) type', () => {
  expect(contentTypeOf({ type: 'image/png' })).toBe('image/png');
  expect(contentTypeOf({ type: '' })).toBe('application/octet-stream');
  expect(contentTypeOf({ type: 'not a type' })).toBe('application/octet-stream');
});
