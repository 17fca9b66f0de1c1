/** Small formatting helpers shared by facts and renderers. */
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

export const fmtPercent = (part: number, whole: number) =>
  `${((part / whole) * 100).toFixed(part / whole < 0.1 ? 1 : 0)} %`;

/** "14:02:10 UTC" (plus the date when it is not today). */
export function fmtUtc(at: Date, now: Date): string {
  const time = at.toISOString().slice(11, 19);
  const sameDay = at.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  return sameDay ? `${time} UTC` : `${at.toISOString().slice(0, 10)} ${time} UTC`;
}

/** "45 s", "3 min 20 s", "2 h 5 min", "4 days". */
export function fmtDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  if (s < 48 * 3600) return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
  return `${Math.round(s / 86400)} days`;
}

export { formatBytes as fmtBytes } from '../input/bytes';
