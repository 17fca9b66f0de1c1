/**
 * Sizes as people read them, in binary units named as such: every limit here is a power of two
 * (10 MiB = 10,485,760 bytes), so "10 MiB" is exact where "10 MB" would be off by 5 %.
 */
export const KiB = 1024;
export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/** A whole number of units prints bare; anything else with one decimal, so a limit + 1 byte reads "10.0 MiB", not "10 MiB". */
const amount = (bytes: number, unit: number) => (bytes % unit === 0 ? String(bytes / unit) : (bytes / unit).toFixed(1));

/** "812 bytes", "45 KiB", "10 MiB", "10.5 MiB", "1.2 GiB". */
export function formatBytes(bytes: number): string {
  if (bytes < KiB) return `${bytes} bytes`;
  if (bytes < MiB) return `${Math.round(bytes / KiB)} KiB`;
  if (bytes < GiB) return `${amount(bytes, MiB)} MiB`;
  return `${amount(bytes, GiB)} GiB`;
}
