import { z } from 'zod';

/**
 * Environment values: an empty string counts as unset (a copied .env.example leaves many keys
 * blank), so every schema sees `undefined` rather than "".
 */
export type Env = Record<string, string | undefined>;

export function cleanEnv(source: NodeJS.ProcessEnv | Env): Env {
  const out: Env = {};
  for (const [key, value] of Object.entries(source)) {
    const trimmed = value?.trim();
    out[key] = trimmed ? trimmed : undefined;
  }
  return out;
}

/** A whole-number setting with a default and a lower bound, e.g. `PORT=3000`; its messages are plain words. */
export const wholeNumber = (fallback: number, min = 1, max?: number) => {
  const range = max === undefined ? `${min} or more` : `from ${min} to ${max}`;
  const message = `must be a whole number ${range}, such as ${fallback}`;
  const base = z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message });
  return (max === undefined ? base : base.max(max, { error: message })).default(fallback);
};

/** A positive integer setting with a default, e.g. `PORT=3000`. */
export const intSetting = (fallback: number) => wholeNumber(fallback, 1);

const BOOLEAN_WORDS = ['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'] as const;

/** A boolean setting: 1/true/yes/on vs 0/false/no/off. */
export const boolSetting = (fallback: boolean) =>
  z
    .enum(BOOLEAN_WORDS, { error: 'must be true or false (1/0, yes/no, on/off also work)' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(v)));

/** An http(s) URL setting; trailing slashes removed so callers can append paths. */
export const urlSetting = z
  .string()
  .refine((u) => URL.canParse(u) && /^https?:\/\//.test(u), 'must be an http(s) URL, such as https://proxy.example.com')
  .transform((u) => u.replace(/\/+$/, ''));

/**
 * A comma-separated list of ids (spaces allowed), each checked by `pattern`; `hint` says in plain
 * words what an id looks like and where to find one. Unset stays undefined; duplicates are dropped.
 */
export const idListSetting = (pattern: RegExp, hint: string) =>
  z
    .string()
    .transform((v) => [...new Set(v.split(/[\s,]+/).filter((id) => id !== ''))])
    .refine((ids) => ids.length > 0 && ids.every((id) => pattern.test(id)), hint)
    .optional();
