import { FAMILIES } from './schema';

/**
 * A Claude model named the way people write it in prose or a title — "Claude Sonnet 4.5",
 * "claude 3 haiku", "Opus 4" — so the models data can say whether the model it stands for is served or
 * retired, and the reply can name the replacement. The family words are the models data's families;
 * "fable" and "mythos" are ordinary words, so they count only after "Claude". A family with no version
 * ("Claude Opus") names no model and is not read.
 */
const WORDS = FAMILIES.join('|');
const VERSION = String.raw`(\d{1,2})(?:[.-](\d))?(?!\w|\.\d)`;
const FAMILY_FIRST = new RegExp(String.raw`\b(?:claude[ -])?(${WORDS})[ -]${VERSION}`, 'i');
const VERSION_FIRST = new RegExp(String.raw`\bclaude[ -](\d{1,2})(?:[.-](\d))?[ -](${WORDS})\b`, 'i');
/** Needs "Claude" before it: the families that are also everyday words. */
const PLAIN_WORDS = new Set(['fable', 'mythos']);

const title = (family: string) => family[0]!.toUpperCase() + family.slice(1).toLowerCase();

/**
 * The name in Anthropic's own form, which the models data's classifier reads as a display name and
 * maps to its id: the generations before 4 put the version first ("Claude 3 Haiku" = claude-3-haiku),
 * later ones the family ("Claude Sonnet 4.5" = claude-sonnet-4-5).
 */
function displayName(family: string, major: string, minor: string | undefined): string {
  const version = minor && minor !== '0' ? `${major}.${minor}` : major;
  return Number(major) < 4 ? `Claude ${version} ${title(family)}` : `Claude ${title(family)} ${version}`;
}

/** The display name a paste writes, in Anthropic's form; null when it names none. */
export function modelFromDisplayName(text: string): string | null {
  const first = VERSION_FIRST.exec(text);
  if (first) return displayName(first[3]!, first[1]!, first[2]);
  const m = FAMILY_FIRST.exec(text);
  if (!m) return null;
  if (PLAIN_WORDS.has(m[1]!.toLowerCase()) && !/^claude/i.test(m[0])) return null;
  return displayName(m[1]!, m[2]!, m[3]);
}

/** Every regex, for extraction's literal prefilter. */
export const DISPLAY_NAME_CUES: readonly RegExp[] = [FAMILY_FIRST, VERSION_FIRST];
