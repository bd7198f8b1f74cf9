const units = ['KB', 'MB', 'GB'] as const;

/**
 * "912 bytes", "48 KB", "3.4 MB", "12.3 MB". Binary multiples (1 MB = 1,048,576 bytes) so that the 10 MiB
 * limit reads as "10 MB" and a file shown as "10.0 MB" really fits.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // "3.4 MB", "12.3 MB", "48 KB", "912 KB": one decimal for MB and up below 100, and below 10 KB.
  const decimals = value < 10 || (unit > 0 && value < 100) ? 1 : 0;
  const text = value.toFixed(decimals).replace(/\.0$/, '');
  return `${text} ${units[unit]}`;
}
