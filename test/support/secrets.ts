/**
 * Deterministic pseudo-random text (an LCG in 32-bit integer arithmetic; plain float arithmetic
 * overflows 2^53 and collapses to one repeated letter). The high bits pick the character: an LCG's
 * low bits cycle with a short period.
 */
export function pseudoRandom(seed: number, length: number, alphabet: string): string {
  let x = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[(x >>> 16) % alphabet.length];
  }
  return out;
}

/** Deterministic fake credentials in the real formats (never real keys). */
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const KEYCHARS = `${ALNUM}_-`;

export const fakeSecrets = (seed = 7) => ({
  anthropicApi: `sk-ant-api03-${pseudoRandom(seed, 93, KEYCHARS)}AA`,
  anthropicAdmin: `sk-ant-admin01-${pseudoRandom(seed + 1, 93, KEYCHARS)}AA`,
  anthropicOauth: `sk-ant-oat01-${pseudoRandom(seed + 2, 93, KEYCHARS)}AA`,
  anthropicShort: `sk-ant-api03-${pseudoRandom(seed + 3, 24, ALNUM)}`,
  openaiProject: `sk-proj-${pseudoRandom(seed + 4, 48, KEYCHARS)}`,
  openaiLegacy: `sk-${pseudoRandom(seed + 5, 20, ALNUM)}T3BlbkFJ${pseudoRandom(seed + 6, 20, ALNUM)}`,
  awsAccess: `AKIA${pseudoRandom(seed + 7, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  awsSession: `ASIA${pseudoRandom(seed + 8, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  awsSecret: pseudoRandom(seed + 9, 40, `${ALNUM}/+`),
  slackBot: `xoxb-${pseudoRandom(seed + 10, 12, '0123456789')}-${pseudoRandom(seed + 11, 13, '0123456789')}-${pseudoRandom(seed + 12, 24, ALNUM)}`,
  slackUser: `xoxp-${pseudoRandom(seed + 13, 12, '0123456789')}-${pseudoRandom(seed + 14, 12, '0123456789')}-${pseudoRandom(seed + 15, 12, '0123456789')}-${pseudoRandom(seed + 16, 32, 'abcdef0123456789')}`,
  slackApp: `xapp-1-A${pseudoRandom(seed + 17, 10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}-${pseudoRandom(seed + 18, 13, '0123456789')}-${pseudoRandom(seed + 19, 64, 'abcdef0123456789')}`,
  github: `ghp_${pseudoRandom(seed + 20, 36, ALNUM)}`,
  githubFine: `github_pat_${pseudoRandom(seed + 21, 82, `${ALNUM}_`)}`,
  google: `AIza${pseudoRandom(seed + 22, 35, KEYCHARS)}`,
  huggingface: `hf_${pseudoRandom(seed + 23, 34, ALNUM)}`,
  jwt: `eyJ${pseudoRandom(seed + 24, 30, ALNUM)}.eyJ${pseudoRandom(seed + 25, 40, ALNUM)}.${pseudoRandom(seed + 26, 43, KEYCHARS)}`,
  bearer: pseudoRandom(seed + 27, 40, `${ALNUM}._-`),
  discord: `MT${pseudoRandom(seed + 28, 24, ALNUM)}.${pseudoRandom(seed + 29, 6, KEYCHARS)}.${pseudoRandom(seed + 30, 38, KEYCHARS)}`,
  pem: `-----BEGIN RSA PRIVATE KEY-----\n${pseudoRandom(seed + 31, 64, `${ALNUM}+/`)}\n${pseudoRandom(seed + 32, 64, `${ALNUM}+/`)}\n-----END RSA PRIVATE KEY-----`,
});
export type FakeSecrets = ReturnType<typeof fakeSecrets>;
