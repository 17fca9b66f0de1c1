import { describe, expect, it } from 'vitest';
import { skippedNotice } from '../../adapters/discord/copy';
import { textMessage } from '../../adapters/discord/render';
import { toOptions } from '../../adapters/discord/replies';
import { ephemeralOne, postPublic, updateOne } from '../../adapters/slack/reply';
import { diagnoseLine } from '../../src/cli/jsonl';
import { formatDiagnosis } from '../../src/cli/output';
import { EMPTY_SIGNALS } from '../../src/contracts';
import { createDoctor } from '../../src/doctor';
import { buildUserTurn } from '../../src/fallback/prompt';
import { createLogger } from '../../src/ops/logger';
import { createMetrics } from '../../src/ops/metrics';
import type { FallbackOutcome, Logger, ModelFallback } from '../../src/ports';
import { guardOutbound, outboundMaskedCounts } from '../../src/redact';
import { sample } from '../ops/support/prom';
import { hardWrap, KEY, KEY_BODY, leakedRuns } from '../support/secret-forms';
import { fakeSecrets } from '../support/secrets';

/**
 * The outbound gate: whatever leaves the process passes `guardOutbound` last. These tests put a key
 * where the paste's redaction cannot have seen it — in a model's answer, in a value built after
 * redaction — and check every exit masks it and counts it.
 */
const s = fakeSecrets(5);
const answerEchoing = (explanation: string): ModelFallback => ({
  enabled: true,
  explain: async (): Promise<FallbackOutcome> => ({
    kind: 'answer',
    model: 'claude-haiku-4-5',
    entry: null,
    status: null,
    type: null,
    category: 'unknown',
    explanation,
    fix: [`Set ANTHROPIC_API_KEY=${s.anthropicAdmin} and retry.`],
    confidence: 0.5,
  }),
});

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, error() {}, warn: (_obj, msg) => void warnings.push(msg ?? '') };
}

describe('a Diagnosis passes the outbound gate', () => {
  it('masks a key the model put in its answer, everywhere in the Diagnosis, and says so in the log', async () => {
    const logger = recordingLogger();
    const before = outboundMaskedCounts().diagnosis;
    const doctor = createDoctor({ fallback: answerEchoing(`Your key ${hardWrap(KEY, 50)} was revoked.`), logger });
    const d = await doctor.diagnose({ platform: 'test', text: 'my claude app stopped answering, no idea why' });
    expect(d.source).toBe('model');
    const everything = JSON.stringify(d);
    expect(leakedRuns(KEY_BODY, everything)).toEqual([]);
    expect(leakedRuns(s.anthropicAdmin.slice(15), everything)).toEqual([]);
    expect(d.reply).toContain('sk-ant-api03-[REDACTED]');
    expect(d.document.fix.join(' ')).toContain('sk-ant-admin01-[REDACTED]');
    expect(outboundMaskedCounts().diagnosis).toBeGreaterThanOrEqual(before + 2);
    expect(logger.warnings).toContain('outbound gate masked a key-shaped run that redaction had missed');
  });

  it('re-renders for another client through the gate too', async () => {
    const doctor = createDoctor({ fallback: answerEchoing(`Use ${KEY}.`) });
    const first = await doctor.diagnose({ platform: 'test', text: 'my claude app stopped answering, no idea why' });
    const again = doctor.renderFor({ ...first, reply: `${first.reply}\n${KEY}` }, 'typescript');
    expect(leakedRuns(KEY_BODY, JSON.stringify(again))).toEqual([]);
  });

  it('leaves a clean Diagnosis as it is', async () => {
    const doctor = createDoctor();
    const d = await doctor.diagnose({ platform: 'test', text: 'Error code: 529 - overloaded_error' });
    expect(guardOutbound(d, 'diagnosis')).toBe(d);
  });
});

describe('guardOutbound', () => {
  it('masks every string at any depth, keeps the rest, and counts by exit', () => {
    const before = outboundMaskedCounts()['review-queue'];
    const value = { id: 7, ok: true, nested: { list: ['fine', `x-api-key: ${s.anthropicApi}`], note: null }, text: s.slackBot, headers: { [s.github]: 'x' } };
    const out = guardOutbound(value, 'review-queue');
    expect(out).toEqual({
      id: 7,
      ok: true,
      nested: { list: ['fine', 'x-api-key: sk-ant-api03-[REDACTED]'], note: null },
      text: '[REDACTED:slack-token]',
      headers: { '[REDACTED:github-token]': 'x' },
    });
    expect(value.text).toBe(s.slackBot); // the input is not changed
    expect(outboundMaskedCounts()['review-queue']).toBe(before + 3);
  });

  it('finds a key wrapped over two lines that were never seen, even after the text around them was', () => {
    const page = ['A line of catalogue text that repeats in every reply.', 'Another one, also repeated often.'];
    expect(guardOutbound(page.join('\n'), 'cli')).toBe(page.join('\n'));
    const withKey = [page[0], ...hardWrap(`key: ${KEY}`, 60).split('\n'), page[1]].join('\n');
    expect(guardOutbound(withKey, 'cli')).toBe([page[0], 'key: sk-ant-api03-[REDACTED]', page[1]].join('\n'));
  });

  it('finds a key whose prefix is on a line seen (clean) before and whose rest is on a new line', () => {
    expect(guardOutbound('the key in use: sk-ant-api03-', 'cli')).toBe('the key in use: sk-ant-api03-');
    expect(guardOutbound(`the key in use: sk-ant-api03-\n${KEY_BODY}`, 'cli')).toBe('the key in use: sk-ant-api03-[REDACTED]');
  });

  it('is reported as a Prometheus counter by exit', async () => {
    guardOutbound(`token ${s.github}`, 'log');
    const { body } = await createMetrics({ defaultMetrics: false }).render();
    expect(sample(body, 'claude_doctor_outbound_masked_total', { exit: 'log' })).toBe(outboundMaskedCounts().log);
    expect(sample(body, 'claude_doctor_outbound_masked_total', { exit: 'log' })).toBeGreaterThan(0);
  });
});

describe('each exit calls the gate', () => {
  const doctor = createDoctor();

  it('--jsonl: a line that is not JSON is not quoted back in `error`', async () => {
    for (const line of [s.awsAccess, `oops ${s.anthropicShort}`, `{"text": "${KEY}"`]) {
      const out = await diagnoseLine(doctor, line, 3);
      expect(out.id).toBeNull();
      expect(out.error).toMatch(/^line 3 is not a valid \{"id","text","images"\} object: not valid JSON/);
      expect(JSON.stringify(out)).not.toContain(line.slice(4, 20));
    }
  });

  it('--json and markdown output mask what reaches them', async () => {
    const d = await doctor.diagnose({ platform: 'test', text: 'Error code: 529 - overloaded_error' });
    expect(formatDiagnosis({ ...d, reply: `see ${KEY}` }, 'markdown', { brief: true })).toBe('see sk-ant-api03-[REDACTED]\n');
    expect(formatDiagnosis({ ...d, reply: 'see', details: `and ${KEY}` }, 'markdown')).toBe('see\n\n---\n\nand sk-ant-api03-[REDACTED]\n');
    const json = JSON.parse(formatDiagnosis({ ...d, signals: { ...d.signals, requestId: KEY } }, 'json'));
    expect(json.signals.requestId).toBe('sk-ant-api03-[REDACTED]');
    expect(json.category).toBe('overloaded');
  });

  it('the model request: the user turn is masked even if a key reached the request', () => {
    const turn = buildUserTurn({ text: `key is sk\\u002dant\\u002dapi03\\u002d${KEY_BODY}`, signals: EMPTY_SIGNALS, candidates: [], user: 'u', cacheKey: 'k' }, 'f00d');
    expect(leakedRuns(KEY_BODY, turn)).toEqual([]);
    expect(turn).toContain('sk-ant-api03-[REDACTED]');
  });

  it('chat: a Discord notice that quotes an attachment name sent by the user', () => {
    const notice = skippedNotice([{ name: `${KEY}.png`, reason: 'it is larger than 10 MB' }]);
    const options = toOptions(textMessage(notice));
    expect(options.content).toMatch(/^⚠️ I could not read `sk-ant-api03-\[REDACTED\]…?\.*`: it is larger than 10 MB\.$/);
    expect(leakedRuns(KEY_BODY, JSON.stringify(options))).toEqual([]);
  });

  it('chat: every Slack message as posted, text and blocks', async () => {
    const posted: unknown[] = [];
    // Answers as chat.postMessage does: the posted message's ts (the placeholder path needs it).
    const client = { chat: { postMessage: async (args: unknown) => (posted.push(args), { ok: true, ts: '1.1' }) } };
    const message = { text: `key ${KEY}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `\`${KEY}\`` } }] };
    const ok = await postPublic({ client: client as never, logger: recordingLogger(), metrics: {} }, { channel: 'C1', threadTs: undefined, user: 'U1' }, [message as never], 'answer' as never);
    expect(ok).toBe(true);
    expect(leakedRuns(KEY_BODY, JSON.stringify(posted))).toEqual([]);
    expect(JSON.stringify(posted)).toContain('sk-ant-api03-[REDACTED]');
  });

  it('chat: a Slack placeholder replaced in place (chat.update) and a one-off private answer', async () => {
    const sent: unknown[] = [];
    const record = async (args: unknown) => (sent.push(args), { ok: true, ts: '1.2', message_ts: '1.3' });
    const client = { chat: { update: record, postEphemeral: record } };
    const poster = { client: client as never, logger: recordingLogger(), metrics: {} };
    const message = { text: `key ${KEY}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `\`${KEY}\`` } }] };
    expect((await updateOne(poster, 'C1', '1.2', message as never, 'shortcut-answer')).ok).toBe(true);
    expect((await ephemeralOne(poster, { channel: 'C1', threadTs: undefined, user: 'U1' }, message as never, 'private-answer')).ok).toBe(true);
    expect(sent).toHaveLength(2);
    expect(leakedRuns(KEY_BODY, JSON.stringify(sent))).toEqual([]);
    expect(JSON.stringify(sent).match(/sk-ant-api03-\[REDACTED\]/g)).toHaveLength(4);
  });

  it('logs: a key written with escapes or split by ANSI codes is masked in the line', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    logger.info({ detail: `got ${KEY.slice(0, 50)}\u001b[0m${KEY.slice(50)}` }, `retrying with ${KEY.replace(/-/g, '&#45;')}`);
    expect(lines).toHaveLength(1);
    expect(leakedRuns(KEY_BODY, lines[0]!)).toEqual([]);
    expect(JSON.parse(lines[0]!).msg).toBe('retrying with sk-ant-api03-[REDACTED]');
  });
});
