import type { App, RespondFn, webApi } from '@slack/bolt';
import type { Diagnosis } from '../../src/contracts';
import { guardOutbound } from '../../src/redact';
import { AnsweredMessages } from './answered-messages';
import { section } from './blocks';
import type { ConversationDeps } from './conversation';
import { feedbackRefOf } from './feedback-buttons';
import { conversationKey, replyThreadTs } from './inbound';
import { buildInquiry } from './inquiry';
import { renderFailure, renderPrivateNotes, renderReply } from './render';
import { inboundOf, SHORTCUT, type Shortcut, ShortcutSchema } from './shortcut-payload';
import { ephemeralOne, isNotAMember, postEphemeral, type PostOutcome, type Poster, type ReplyTarget } from './reply';
import { DEDUPE_TTL_MS } from './store';
import { WorkingReply } from './working';

export interface ShortcutDeps extends ConversationDeps {
  /** Runs work after the acknowledgement, tracked for a clean stop. */
  run(name: string, work: () => Promise<void>): void;
}

const COPY = {
  invite:
    ':wave: I am not a member of this conversation, so I cannot answer here. Invite me with `/invite @error-doctor` ' +
    '(in a channel), or send me the error in a direct message.',
  already: 'I already answered this message: the answer is in its thread.',
  ownAnswer: 'That message is one of my answers. Use the shortcut on the message with the error.',
  empty: 'That message has no text, text snippet or screenshot for me to read.',
} as const;

/**
 * "Diagnose this error" (answer in the message's thread) and "Diagnose privately" (answer only
 * the user sees) on any message. Acknowledged first, within Slack's 3 seconds; the work runs after.
 */
export function registerShortcuts(app: App, deps: ShortcutDeps): void {
  const ids = new RegExp(`^(${SHORTCUT.inThread}|${SHORTCUT.privately})$`);
  const answered = new AnsweredMessages(deps.store);
  app.shortcut({ type: 'message_action', callback_id: ids }, async ({ ack, body, client, respond, context }) => {
    await ack();
    const parsed = ShortcutSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn({ issues: parsed.error.issues.length }, 'slack shortcut with an unexpected shape');
      return;
    }
    const bot = { userId: context.botUserId, botId: context.botId };
    deps.run('shortcut', async () => {
      const s = parsed.data;
      const privately = s.callback_id === SHORTCUT.privately;
      // A redelivered payload (Socket Mode resends what it thinks was not acknowledged) is one request.
      if (!(await deps.store.claim(`slack:shortcut:${s.callback_id}:${s.user.id}:${s.action_ts ?? s.message.ts}`, DEDUPE_TTL_MS))) {
        deps.metrics.eventReceived?.('duplicate');
        return;
      }
      deps.metrics.eventReceived?.(privately ? 'shortcut-private' : 'shortcut');
      const key = `${s.channel.id}:${s.message.ts}`;
      // One public answer per message: a second person asking is pointed to it.
      if (!privately && !(await answered.begin(key))) return tellUser(s, respond, { client, logger: deps.logger, metrics: deps.metrics }, COPY.already);
      let posted = false;
      try {
        posted = await handleShortcut(s, client, respond, bot, deps);
      } finally {
        if (!privately) await answered.end(key, posted);
      }
    });
  });
}

/** Answers one shortcut; true when the answer was posted. */
async function handleShortcut(
  s: Shortcut,
  client: webApi.WebClient,
  respond: RespondFn | undefined,
  bot: { userId?: string; botId?: string },
  deps: ShortcutDeps,
): Promise<boolean> {
  const privately = s.callback_id === SHORTCUT.privately;
  const poster: Poster = { client, logger: deps.logger, metrics: deps.metrics };
  const note = async (text: string) => {
    await tellUser(s, respond, poster, text);
    return false;
  };
  const m = inboundOf(s);
  if ((bot.botId && s.message.bot_id === bot.botId) || (bot.userId && s.message.user === bot.userId)) return note(COPY.ownAnswer);
  if (m.text.trim() === '' && m.files.length === 0) return note(COPY.empty);

  const author = s.message.user && !s.message.bot_id ? s.message.user : null;
  const target: ReplyTarget = privately
    ? { channel: m.channel, threadTs: m.threadTs, user: s.user.id }
    : { channel: m.channel, threadTs: replyThreadTs(m), user: s.user.id };
  const working = new WorkingReply(poster, target, deps.workingAfterMs);
  let answer: { diagnosis: Diagnosis; notes: string[] };
  try {
    const work = buildInquiry(m, { client, botUserId: bot.userId, download: deps.download, logger: deps.logger }, false).then(async (built) => ({
      diagnosis: await deps.doctor.diagnose(built.inquiry),
      notes: built.notes,
    }));
    // Ephemeral messages cannot be updated, so a private answer shows no placeholder.
    answer = privately ? await work : await working.wait(work);
  } catch (error) {
    deps.logger.error({ err: error, channel: m.channel, ts: m.ts }, 'slack diagnosis failed');
    const failed = privately ? await ephemeralOne(poster, target, renderFailure(), 'failure') : await working.deliver([renderFailure()], 'failure');
    if (isNotAMember(failed)) await note(COPY.invite);
    return false;
  }

  const { diagnosis, notes } = answer;
  // The rotate-your-key warning is for whoever pasted the key: inline when that is the reader.
  const inline = privately && author === s.user.id;
  // "More detail" posts in the thread for everyone, so only a public answer carries it.
  const more = privately ? null : await deps.answers.keepForDetails(diagnosis, deps.logger);
  const messages = renderReply(diagnosis.document, {
    audience: inline ? 'dm' : 'channel',
    extraNotes: notes,
    feedback: feedbackRefOf(diagnosis),
    ...(more ? { more } : {}),
  });
  const sent: PostOutcome = privately ? await sendEphemeral(poster, target, messages) : await working.deliver(messages, 'shortcut-answer');
  if (isNotAMember(sent)) return note(COPY.invite);
  if (!sent.ok) return false;
  if (!privately) await deps.answered.set(conversationKey(m), diagnosis);
  if (!inline && author && diagnosis.document.privateNotes.length > 0) {
    await postEphemeral(poster, { channel: m.channel, threadTs: replyThreadTs(m), user: author }, renderPrivateNotes(diagnosis.document.privateNotes), 'private-notes');
  }
  deps.logger.info(
    { channel: m.channel, ts: m.ts, privately, entry: diagnosis.entry, category: diagnosis.category, source: diagnosis.source, parts: messages.length },
    'slack answered a shortcut',
  );
  return true;
}

async function sendEphemeral(p: Poster, to: ReplyTarget, messages: ReturnType<typeof renderReply>): Promise<PostOutcome> {
  let first: PostOutcome | null = null;
  for (const message of messages) {
    const outcome = await ephemeralOne(p, to, message, 'private-answer');
    first ??= outcome;
    if (!outcome.ok) break;
  }
  return first ?? { ok: false, code: null };
}

/**
 * A note only the shortcut's user sees, through the payload's `response_url`: it works in
 * conversations the bot is not a member of, where `chat.postEphemeral` cannot.
 */
async function tellUser(s: Shortcut, respond: RespondFn | undefined, p: Poster, text: string): Promise<void> {
  if (!respond || !s.response_url) return;
  try {
    // Fixed copy today, but every message the bot sends passes the outbound gate.
    const note = guardOutbound({ text, blocks: [section(text)] }, 'chat');
    await respond({ response_type: 'ephemeral', replace_original: false, text: note.text, blocks: note.blocks });
    p.metrics.replySent?.('shortcut-note');
  } catch (error) {
    p.metrics.replyFailed?.('shortcut-note');
    p.logger.warn({ err: error, channel: s.channel.id }, 'slack response_url note failed');
  }
}
