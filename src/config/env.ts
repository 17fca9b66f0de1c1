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

/** A positive integer setting with a default, e.g. `PORT=3000`. */
export const intSetting = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A boolean setting: 1/true/yes/on vs 0/false/no/off. */
export const boolSetting = (fallback: boolean) =>
  z
    .enum(['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(v)));

/** An http(s) URL setting; trailing slashes removed so callers can append paths. */
export const urlSetting = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')
  .transform((u) => u.replace(/\/+$/, ''));
