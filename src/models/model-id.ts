/** A Claude model id read as its parts: family, version and the rest. */
export interface ParsedModelId {
  /** "opus", "sonnet", …, or null for ids that name no family ("claude-2.1"). */
  family: string | null;
  /** [major, minor]; null for ids without a version ("claude-mythos-preview"). */
  version: [number, number] | null;
  /** A trailing snapshot date (YYYYMMDD), if any. */
  date: string | null;
  /** Anything after family, version and date ("latest", "thinking"). */
  suffix: string | null;
}

// claude-opus-4-5-20251101, claude-sonnet-5-5, claude-instant-1.2, claude-opus-6-thinking
const FAMILY_FIRST = /^claude-([a-z]+)-(\d{1,2})(?:[-.](\d{1,2}))?(?:-(20\d{6}))?(?:-(.+))?$/;
// claude-3-5-sonnet-20241022, claude-3-opus-latest (the order before the 4 generation)
const VERSION_FIRST = /^claude-(\d{1,2})(?:[-.](\d))?-([a-z]+)(?:-(20\d{6}))?(?:-(.+))?$/;
const NO_VERSION = /^claude-([a-z]+)(?:-(.+))?$/;
const NO_FAMILY = /^claude-(\d{1,2})(?:\.(\d))?$/;

const version = (major: string, minor: string | undefined): [number, number] => [Number(major), Number(minor ?? 0)];

export function parseModelId(id: string): ParsedModelId | null {
  let m = FAMILY_FIRST.exec(id);
  if (m) return { family: m[1]!, version: version(m[2]!, m[3]), date: m[4] ?? null, suffix: m[5] ?? null };
  m = VERSION_FIRST.exec(id);
  if (m) return { family: m[3]!, version: version(m[1]!, m[2]), date: m[4] ?? null, suffix: m[5] ?? null };
  m = NO_FAMILY.exec(id);
  if (m) return { family: null, version: version(m[1]!, m[2]), date: null, suffix: null };
  m = NO_VERSION.exec(id);
  if (m) return { family: m[1]!, version: null, date: null, suffix: m[2] ?? null };
  return null;
}

/** Negative, zero or positive, as `a` is older than, the same as, or newer than `b`. */
export const compareVersions = (a: [number, number], b: [number, number]): number => a[0] - b[0] || a[1] - b[1];

export const formatVersion = (v: [number, number]): string => `${v[0]}.${v[1]}`;
