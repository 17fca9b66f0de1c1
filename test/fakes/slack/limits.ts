/**
 * The message limits real Slack enforces, checked by the fake so a test fails the way production
 * would: `invalid_blocks` for an oversized block, `msg_too_long` for an oversized text.
 */
interface AnyBlock {
  type?: string;
  text?: { text?: string };
  elements?: Array<{ text?: unknown }>;
}

export function slackMessageError(params: Record<string, unknown>): string | null {
  const text = typeof params.text === 'string' ? params.text : '';
  if (text.length > 40_000) return 'msg_too_long';
  const blocks = params.blocks as AnyBlock[] | undefined;
  if (blocks === undefined) return text ? null : 'no_text';
  if (!Array.isArray(blocks) || blocks.length > 50) return 'invalid_blocks';
  let total = 0;
  for (const block of blocks) {
    const own = block.text?.text ?? '';
    if (block.type === 'header' && (own.length === 0 || own.length > 150)) return 'invalid_blocks';
    if (block.type === 'section' && (own.length === 0 || own.length > 3_000)) return 'invalid_blocks';
    if (block.type === 'context') {
      if (!block.elements || block.elements.length === 0 || block.elements.length > 10) return 'invalid_blocks';
      for (const e of block.elements) {
        if (typeof e.text !== 'string' || e.text.length > 3_000) return 'invalid_blocks';
        total += e.text.length;
      }
    }
    total += own.length;
  }
  // Observed in production (bolt-js#2509): ~13,200 characters across a few sections is refused.
  if (total > 13_000) return 'msg_blocks_too_long';
  return null;
}
