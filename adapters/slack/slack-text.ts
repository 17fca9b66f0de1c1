/**
 * Slack delivers message text in its own markup: `&lt;` for `<`, links as `<url|label>`, mentions
 * as `<@U123>`. The core wants what the user actually pasted, so this turns the markup back into
 * plain text and drops the mention that addressed the bot.
 */

const ANGLE = /<([^<>]*)>/g;

/** Plain text of a Slack message, without the mention of `botUserId`. */
export function slackTextToPlain(text: string, botUserId?: string): string {
  const withoutBot = botUserId ? text.split(`<@${botUserId}>`).join(' ') : text;
  const unwrapped = withoutBot.replace(ANGLE, (_match, inner: string) => unwrapAngle(inner));
  return decodeEntities(unwrapped).trim();
}

/** True when the text mentions the bot user. */
export function mentionsUser(text: string, userId: string | undefined): boolean {
  return userId !== undefined && text.includes(`<@${userId}>`);
}

function unwrapAngle(inner: string): string {
  const [target = '', label] = splitOnce(inner, '|');
  if (target.startsWith('@')) return label ? `@${label}` : target;
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
  // A link: the label is what the user typed ("api.anthropic.com"), the target what Slack made of it.
  if (label !== undefined) return label;
  return target.replace(/^mailto:/, '');
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function decodeEntities(text: string): string {
  // `&amp;` last, so `&amp;lt;` (a literal "&lt;" in the paste) stays "&lt;".
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
