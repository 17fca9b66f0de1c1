import { afterEach, describe, expect, it } from 'vitest';
import { answerForcedTool, type FakeAnthropic, fakeAnthropicEnv, type FakeReply, messageRequests, noneAnswer, type RecordedRequest, startFakeAnthropic } from '../fakes/anthropic';
import { type RestCall, startFakeDiscord } from '../fakes/discord';
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from '../fakes/slack/fake-slack';
import { mentionEvent } from '../fakes/slack/events';
import { FakeStatusPage, type StatusScenario } from '../fakes/status-page/fake-status-page';
import { fakeSecrets } from '../support/secrets';
import { BotProcess } from './support/bot-process';
import { sample } from './support/prom';

const OVERLOADED = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': 'req_011CSHa5Yd3pTtmT8kQbRXvN'}`;
const KEY = fakeSecrets(21).anthropicApi;
const PASTE = `Our worker crashed with ANTHROPIC_API_KEY=${KEY} set:\n${OVERLOADED}`;
/** The bot's own key for the fallback; it must not reach the logs either. */
const BOT_ANTHROPIC_KEY = fakeSecrets(33).anthropicApi;

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A fake Slack (Socket Mode), a fake status page and the bot process pointed at both (and at a fake Anthropic). */
async function world(status: StatusScenario, anthropic?: FakeAnthropic, extraEnv: Record<string, string> = {}) {
  const slack = await FakeSlack.start();
  const page = await FakeStatusPage.start(status);
  const bot = new BotProcess({
    ...extraEnv,
    ...(anthropic ? fakeAnthropicEnv(anthropic, BOT_ANTHROPIC_KEY) : {}),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    HEALTH_PORT: '0',
    STATUS_URL: page.url,
    // Everything the bot and the SDKs log, to prove none of it carries the pasted key.
    LOG_LEVEL: 'debug',
  });
  cleanup.push(() => slack.close(), () => page.close(), () => bot.stop());
  const ready = await bot.waitForLog((r) => r.msg === 'ready', 20_000);
  const base = `http://127.0.0.1:${ready.healthPort as number}`;
  const get = (path: string) => fetch(`${base}${path}`);
  // Each message the bot posted, as it stands now: a "Looking into this error…" placeholder counts as
  // the answer that replaced it (chat.update), whichever of the two the timing produced.
  const answers = () => [...slack.posted.values()].filter((params) => String(params.text ?? '').length > 0).map((params) => ({ params }));
  return { slack, page, bot, get, answers };
}

function expectCleanLogs(bot: BotProcess): void {
  const lines = bot.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length).toBeGreaterThan(3);
  for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  for (const secret of [KEY, KEY.slice(-24), BOT_ANTHROPIC_KEY, BOT_ANTHROPIC_KEY.slice(-24), BOT_TOKEN, APP_TOKEN]) expect(bot.stderr).not.toContain(secret);
  // Pastes are not logged at info level or above, masked or not.
  for (const record of bot.logs().filter((r) => r.level >= 30)) expect(JSON.stringify(record)).not.toMatch(/Our worker crashed|nightly job stopped/);
}

describe('the bot in production shape (Slack Socket Mode)', () => {
  it('serves /healthz and /metrics, quotes the status page on a 529, and logs JSON lines without the pasted key', async () => {
    const { slack, bot, get, answers } = await world('incident');

    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', adapters: { slack: 'up' }, events: {} });
    const before = await (await get('/metrics')).text();
    expect(sample(before, 'claude_doctor_diagnoses_total', { category: 'overloaded' })).toBe(0);

    await slack.socket.sendEvent(mentionEvent({ text: PASTE }));
    await slack.waitFor(() => answers().length > 0, 15_000, 'the answer');
    const reply = String(answers()[0]!.params.text) + JSON.stringify(answers()[0]!.params.blocks ?? []);
    expect(reply).toMatch(/status right now/i);
    expect(reply).toContain('Elevated overloaded errors on Claude Opus');

    const after = await (await get('/metrics')).text();
    expect(sample(after, 'claude_doctor_diagnoses_total', { source: 'rules', category: 'overloaded' })).toBe(1);
    expect(sample(after, 'claude_doctor_events_received_total', { adapter: 'slack', kind: 'handled' })).toBe(1);
    expect(sample(after, 'claude_doctor_replies_sent_total', { adapter: 'slack', kind: 'answer' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'claude_doctor_diagnosis_warnings_total', { warning: 'secret-detected' })).toBe(1);
    expect(sample(after, 'claude_doctor_adapter_up', { adapter: 'slack' })).toBe(1);

    bot.signal('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    expectCleanLogs(bot);
    expect(bot.logs().some((r) => r.msg === 'diagnosed' && r.category === 'overloaded')).toBe(true);
  });

  it('on SIGTERM with a reply in flight, finishes the reply and exits 0 within 10 s', async () => {
    // The status page never answers, so the reply waits on it (2 s budget) while the signal arrives.
    const { slack, page, bot, answers } = await world('slow');
    await slack.socket.sendEvent(mentionEvent({ text: PASTE }));
    await slack.waitFor(() => page.requests === 1, 10_000, 'the reply to be in flight');
    expect(answers()).toHaveLength(0);

    const signalled = Date.now();
    bot.signal('SIGTERM');
    const { code } = await bot.exited;
    const elapsed = Date.now() - signalled;

    expect(code).toBe(0);
    expect(elapsed).toBeLessThan(10_000);
    expect(answers()).toHaveLength(1);
    const reply = String(answers()[0]!.params.text);
    expect(reply).toMatch(/overloaded/i);
    expect(reply).not.toMatch(/status right now/i);
    const logs = bot.logs();
    const shutdownAt = logs.findIndex((r) => r.msg === 'shutting down');
    expect(shutdownAt).toBeGreaterThanOrEqual(0);
    expect(logs.slice(shutdownAt).some((r) => r.msg === 'shutdown complete' && r.clean === true)).toBe(true);
    expectCleanLogs(bot);
  });
});

describe('the bot in production shape, with the model fallback', () => {
  it('on SIGTERM while the model is still answering, posts the model answer and exits 0 within 10 s', async () => {
    const explanation = 'The job runner reports its own quota, not an Anthropic error.';
    // A model that takes 3 s to answer: the reply is in flight when the signal arrives, and the
    // "Looking into this error…" placeholder (after 2 s) is up before the answer replaces it.
    const answer = answerForcedTool(noneAnswer(explanation)) as (request: RecordedRequest) => FakeReply;
    const anthropic = await startFakeAnthropic({ script: [(request) => ({ ...answer(request), delayMs: 3_000 })] });
    cleanup.push(() => anthropic.close());
    const { slack, bot, answers } = await world('no-incident', anthropic);
    await slack.socket.sendEvent(mentionEvent({ text: `Our nightly job stopped with: frobnicator quota glitch (code 7731). Key in env: ${KEY}` }));
    await anthropic.waitForRequests(1, 10_000);
    expect(answers()).toHaveLength(0);

    const signalled = Date.now();
    bot.signal('SIGTERM');
    const { code } = await bot.exited;
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(messageRequests(anthropic)).toHaveLength(1);
    expect(answers()).toHaveLength(1);
    expect(JSON.stringify(answers()[0]!.params)).toContain('The job runner reports its own quota');
    expect(slack.callsTo('chat.postMessage').map((c) => String(c.params.text))).toEqual(['Looking into this error…']);
    expect(slack.callsTo('chat.update')).toHaveLength(1);
    expectCleanLogs(bot);
  });
});

describe('Slack and Discord in one process', () => {
  it('reports both adapters on /healthz, counts events per adapter, and stops both on SIGTERM', async () => {
    const discord = await startFakeDiscord();
    cleanup.push(() => discord.close());
    const { slack, bot, get, answers } = await world('incident', undefined, {
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
    });
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok', adapters: { slack: 'up', discord: 'up' }, events: {} });

    await slack.socket.sendEvent(mentionEvent({ text: PASTE }));
    const dm = discord.dm({ content: PASTE });
    await slack.waitFor(() => answers().length > 0, 15_000, 'the Slack answer');
    await discord.rest.waitForCall((c: RestCall) => c.method === 'POST' && c.path === `/channels/${dm.channelId}/messages`, 15_000);

    const metrics = await (await get('/metrics')).text();
    expect(sample(metrics, 'claude_doctor_diagnoses_total', { source: 'rules', category: 'overloaded' })).toBe(2);
    expect(sample(metrics, 'claude_doctor_events_received_total', { adapter: 'slack', kind: 'handled' })).toBe(1);
    expect(sample(metrics, 'claude_doctor_events_received_total', { adapter: 'discord', kind: 'dm' })).toBe(1);
    expect(sample(metrics, 'claude_doctor_replies_sent_total', { adapter: 'discord', kind: 'dm' })).toBe(1);
    expect(sample(metrics, 'claude_doctor_adapter_up', { adapter: 'discord' })).toBe(1);
    expect(((await (await get('/healthz')).json()) as { events: unknown }).events).toEqual({ slack: { handled: 1 }, discord: { dm: 1 } });

    bot.signal('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    expect(bot.logs().find((r) => r.msg === 'shutdown complete')).toMatchObject({ clean: true, stuck: [] });
    expectCleanLogs(bot);
    expect(bot.stderr).not.toContain(discord.token);
  });
});

describe('the console (no chat settings)', () => {
  it('stops at SIGTERM while its input is still open, and exits 0', async () => {
    const bot = new BotProcess({ LOG_LEVEL: 'info', STATUS_URL: 'off' });
    cleanup.push(() => bot.stop());
    bot.input('half a paste, and the pipe stays open');
    await bot.waitForLog((r) => r.msg === 'console started', 20_000);
    bot.signal('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    expect(bot.logs().some((r) => r.msg === 'shutting down')).toBe(true);
  });
});
