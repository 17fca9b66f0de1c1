/**
 * The Block Kit subset this adapter sends, with Slack's published limits. Typed locally so the
 * renderer stays a pure function that tests can inspect without the SDK.
 */

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}
export interface PlainTextObject {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainTextObject;
  value: string;
}
export type SlackBlock =
  | { type: 'header'; text: PlainTextObject }
  /** `expand: true`: never folded behind "see more" (https://docs.slack.dev/reference/block-kit/blocks/section-block). */
  | { type: 'section'; text: MrkdwnText; expand?: boolean }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; block_id: string; elements: ButtonElement[] };

/** One `chat.postMessage` / `chat.postEphemeral` body: blocks plus the notification fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export const LIMITS = {
  /** Section text (https://api.slack.com/reference/block-kit/blocks#section). */
  sectionText: 3_000,
  headerText: 150,
  contextElements: 10,
  blocksPerMessage: 50,
  /** `text` should stay under 4,000 characters (chat.postMessage docs). */
  fallbackText: 4_000,
  buttonValue: 2_000,
  /**
   * Our own budget for all block text in one message: Slack has answered `msg_blocks_too_long`
   * near 13,200 characters spread over a few sections (bolt-js#2509), below every documented limit.
   */
  messageChars: 10_000,
} as const;

export const section = (text: string, expand = false): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text }, ...(expand ? { expand: true } : {}) });
export const context = (texts: string[]): SlackBlock => ({
  type: 'context',
  elements: texts.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text })),
});
export const header = (text: string): SlackBlock => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });

/** Characters of text a block carries, for the per-message budget. */
export function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
    case 'section':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length + e.value.length, 0);
  }
}
