import type { webApi } from '@slack/bolt';
import type { Inquiry } from '../../src/contracts';
import type { Logger } from '../../src/ports';
import { type DownloadOptions, readAttachments } from './files';
import { type InboundMessage, replyThreadTs, type SlackFile, SlackFileSchema } from './inbound';
import { slackTextToPlain } from './slack-text';

export interface InquiryContext {
  client: webApi.WebClient;
  botUserId: string | undefined;
  download: Omit<DownloadOptions, 'lookup'>;
  logger: Logger;
}

/** An Inquiry for the core, plus public notes about attachments that could not be read. */
export interface BuiltInquiry {
  inquiry: Inquiry;
  notes: string[];
}

/**
 * Translates a Slack message into an Inquiry: plain text, the text of attached snippets, and
 * downloaded screenshots. A bare mention inside a thread ("@doctor" under someone's paste)
 * reads the thread's first message instead.
 */
export async function buildInquiry(m: InboundMessage, ctx: InquiryContext, isFollowUp: boolean): Promise<BuiltInquiry> {
  let text = slackTextToPlain(m.text, ctx.botUserId);
  let files: SlackFile[] = m.files;
  if (!isFollowUp && text === '' && files.length === 0 && m.threadTs && m.threadTs !== m.ts) {
    const parent = await threadParent(m.channel, m.threadTs, ctx);
    if (parent) ({ text, files } = { text: slackTextToPlain(parent.text, ctx.botUserId), files: parent.files });
  }
  const attachments = await readAttachments(files, { ...ctx.download, lookup: (id) => fileInfo(id, ctx) });
  for (const { fileId, error } of attachments.errors) {
    ctx.logger.warn({ err: error, fileId, channel: m.channel }, 'slack attachment download failed');
  }
  const inquiry: Inquiry = {
    platform: 'slack',
    text: [text, ...attachments.texts].filter((t) => t.trim() !== '').join('\n\n'),
    images: attachments.images,
    user: `slack:${m.team ? `${m.team}:` : ''}${m.user}`,
    channel: m.channel,
    ...(m.team ? { workspace: `slack:${m.team}` } : {}),
    isDM: m.isDM,
  };
  const thread = replyThreadTs(m);
  if (thread) inquiry.thread = thread;
  return { inquiry, notes: attachments.notes };
}

async function threadParent(
  channel: string,
  threadTs: string,
  ctx: InquiryContext,
): Promise<{ text: string; files: SlackFile[] } | null> {
  try {
    const res = await ctx.client.conversations.replies({ channel, ts: threadTs, limit: 1, inclusive: true });
    const first = res.messages?.[0];
    if (!first) return null;
    const files = SlackFileSchema.array().safeParse(first.files ?? []);
    return { text: first.text ?? '', files: files.success ? files.data : [] };
  } catch (error) {
    // Missing channels:history / groups:history, or not in the channel: answer the bare mention.
    ctx.logger.warn({ err: error, channel }, 'slack could not read the thread parent');
    return null;
  }
}

async function fileInfo(fileId: string, ctx: InquiryContext): Promise<SlackFile | null> {
  try {
    const res = await ctx.client.files.info({ file: fileId });
    const parsed = SlackFileSchema.safeParse(res.file);
    return parsed.success ? parsed.data : null;
  } catch (error) {
    ctx.logger.warn({ err: error, fileId }, 'slack files.info failed');
    return null;
  }
}
