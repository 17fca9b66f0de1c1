import { afterEach, describe, expect, it } from 'vitest';
import { messageLimitProblems, type RestCall, snowflake } from '../fakes/discord';
import { type FakeAnthropic, hang, messageRequests, startFakeAnthropic } from '../fakes/anthropic';
import { failingDoctor, PASTE_529, PASTE_UNKNOWN, realDoctor, realStack, type SpyDoctor } from './support/doctors';
import { startWorld, type World } from './support/world';

/**
 * `/claude-error` end to end: the real discord.js client, logged in to the loopback fake Discord,
 * gets INTERACTION_CREATE over the gateway and answers through the fake's REST API, with the real
 * core behind it. Where the model matters, the real fallback calls a fake Anthropic that hangs.
 */
let world: World | undefined;
let anthropic: FakeAnthropic | undefined;
let stack: SpyDoctor | undefined;
afterEach(async () => {
  await world?.close();
  await stack?.close();
  await anthropic?.close();
  world = undefined;
  stack = undefined;
  anthropic = undefined;
});

/** The whole bot as `npm start` builds it, with a model that never answers. */
async function withHangingModel(): Promise<SpyDoctor> {
  anthropic = await startFakeAnthropic({ otherwise: hang() });
  stack = await realStack(anthropic);
  return stack;
}

const EPHEMERAL = 64;
const isCallback = (id: string) => (c: RestCall) => c.method === 'POST' && c.path.startsWith(`/interactions/${id}/`);
const byToken = (token: string) => (c: RestCall) => c.path.includes(token);
const ackDelay = (w: World, id: string, call: RestCall) => call.receivedAt - w.fake.rest.interactions.get(id)!.dispatchedAt;
const bodyOf = (c: RestCall) => c.body as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;

describe('/claude-error', () => {
  it('answers a 529 paste with an embed in one direct reply, even while the model hangs', async () => {
    world = await startWorld({ doctor: await withHangingModel() });
    const { id } = world.fake.slash({ error: PASTE_529 });

    const callback = await world.fake.rest.waitForCall(isCallback(id));
    const { type, data } = bodyOf(callback);
    expect(type).toBe(4); // CHANNEL_MESSAGE_WITH_SOURCE: answered, not deferred
    expect(ackDelay(world, id, callback)).toBeLessThan(2500);
    const embed = (data!.embeds as Array<Record<string, unknown>>)[0]!;
    expect(embed.title).toContain('529');
    expect(embed.description).toMatch(/^1\. Wait a minute, then retry/m);
    expect(embed.description).not.toContain('```python'); // the long snippet waits behind "More detail"
    expect(JSON.stringify(embed.footer)).toContain('overloaded');
    expect(messageRequests(anthropic!)).toHaveLength(0); // the rules answered; nobody waited for the model
    expect(data!.allowed_mentions).toMatchObject({ parse: [] });
    expect((data!.flags ?? 0) as number & typeof EPHEMERAL).toBe(0);
    expect(JSON.stringify(data!.components)).toMatch(/"ced:more:[0-9a-f]{16}".*"ced:fb:up:overloaded"/);
    expect(callback.status).toBe(204);
    await waitUntil(() => world!.metrics.replies.length > 0);
    expect(world.metrics.replies).toEqual(['direct']);
  });

  it('acknowledges within 2.5 s while the model hangs, then edits the answer in', async () => {
    world = await startWorld({ doctor: await withHangingModel() });
    const { id, token } = world.fake.slash({ error: PASTE_UNKNOWN });

    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: "thinking…"
    expect(ackDelay(world, id, callback)).toBeLessThan(2500);
    expect(callback.status).toBe(204);
    expect(messageRequests(anthropic!)).toHaveLength(1);

    // The fallback gives up at its deadline; the answer replaces "thinking…".
    const edit = await world.fake.rest.waitForCall((c) => c.method === 'PATCH' && c.path.endsWith(`${token}/messages/@original`));
    expect(edit.status).toBe(200);
    expect(JSON.stringify(edit.body)).toContain("I don't recognise this");
    expect(world.fake.rest.calls.filter(isCallback(id))).toHaveLength(1); // never acknowledged twice
  });

  it('private:true makes the direct answer ephemeral (flag 64)', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const { id } = world.fake.slash({ error: PASTE_529, private: true });
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).type).toBe(4);
    expect(bodyOf(callback).data!.flags).toBe(EPHEMERAL);
  });

  it('private:true makes the deferred answer ephemeral (flag 64 on the defer)', async () => {
    world = await startWorld({ doctor: await withHangingModel() });
    const { id, token } = world.fake.slash({ error: PASTE_UNKNOWN, private: true });
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).type).toBe(5);
    expect(bodyOf(callback).data!.flags).toBe(EPHEMERAL);
    await world.fake.rest.waitForCall((c) => c.method === 'PATCH' && c.path.includes(token));
  });

  it('without error or screenshot gives a short ephemeral usage hint and asks the doctor nothing', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const { id } = world.fake.slash({});
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).type).toBe(4);
    expect(bodyOf(callback).data!.flags).toBe(EPHEMERAL);
    expect(String(bodyOf(callback).data!.content)).toContain('/claude-error');
    expect(doctor.diagnosed).toHaveLength(0);
  });

  it('keeps a pasted API key out of the public answer and warns the asker alone', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const key = 'sk-ant-api03-Q3kTzW9xYb7LmN2pR5sV8uXa1cE4gH6jK0oP-Zq_AbCdEf';
    const { id, token } = world.fake.slash({ error: `${PASTE_529}\nx-api-key: ${key}` });

    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).data!.flags ?? 0).toBe(0);
    expect(JSON.stringify(callback.body)).not.toContain(key.slice(0, 20));
    expect(JSON.stringify(callback.body)).not.toMatch(/rotate it/i);

    const warning = await world.fake.rest.waitForCall((c) => c.method === 'POST' && c.path.endsWith(`/webhooks/${world!.fake.applicationId}/${token}`));
    expect(bodyOf(warning).flags).toBe(EPHEMERAL);
    expect(String(bodyOf(warning).content)).toMatch(/rotate it/i);
    expect(JSON.stringify(warning.body)).not.toContain(key.slice(0, 20));
    expect(world.logger.text()).not.toContain(key);
  });

  it('after 10062 (unknown interaction) makes no further call with that token', async () => {
    const doctor = await withHangingModel();
    world = await startWorld({ doctor });
    const { id, token } = world.fake.slash({ error: PASTE_UNKNOWN });
    world.fake.rest.expireInteraction(id); // as if the acknowledgement arrived too late

    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(callback.status).toBe(404);
    await waitUntil(() => world!.logger.lines.some((l) => l.msg?.includes('dropping its token')));
    await waitUntil(() => doctor.finished() === 1); // the diagnosis still completes...
    await new Promise((r) => setTimeout(r, 150)); // ...and nothing is sent with the dead token
    expect(world.fake.rest.calls.filter(byToken(token))).toHaveLength(1);
    expect(world.logger.text()).not.toContain(token);
  });

  it('works in the bot\'s DM (context 1): the answer is for the asker alone, so the key warning is inline', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const key = 'sk-ant-api03-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv-WxYz_0123456';
    const { id, token } = world.fake.slash({ error: `${PASTE_529} key=${key}` }, { place: { kind: 'dm', channelId: snowflake() } });
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).type).toBe(4);
    expect(JSON.stringify(callback.body)).toMatch(/rotate it/i);
    expect(JSON.stringify(callback.body)).not.toContain(key.slice(0, 20));
    await waitUntil(() => world!.metrics.replies.length === 1);
    expect(world.fake.rest.calls.filter(byToken(token))).toHaveLength(1); // no separate warning needed
    expect(doctor.diagnosed[0]).toMatchObject({ isDM: true });
  });

  it('works as a user-installed app in someone else\'s DM (context 2)', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const { id } = world.fake.slash({ error: PASTE_529 }, { place: { kind: 'user-install', channelId: snowflake() } });
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).type).toBe(4);
    expect(bodyOf(callback).data!.flags ?? 0).toBe(0);
    expect(JSON.stringify(callback.body)).toContain('overloaded (529)');
  });

  it('answers politely when the doctor fails', async () => {
    world = await startWorld({ doctor: failingDoctor() });
    const { id } = world.fake.slash({ error: PASTE_529 });
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).type).toBe(4);
    expect(String(bodyOf(callback).data!.content)).toMatch(/sorry/i);
    await waitUntil(() => world!.metrics.replies.length > 0);
    expect(world.metrics.replies).toEqual(['failure']);
  });

  it('downloads the screenshot from the CDN and hands the core its bytes', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const screenshot = world.fake.attachment({ filename: 'error.png', data: png, contentType: 'image/png' });
    const { id } = world.fake.slash({ screenshot });

    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect([4, 5]).toContain(bodyOf(callback).type);
    await waitUntil(() => doctor.diagnosed.length === 1);
    expect(doctor.diagnosed[0]!.images).toHaveLength(1);
    expect([...doctor.diagnosed[0]!.images![0]!.data]).toEqual([...png]);
    expect(doctor.diagnosed[0]).toMatchObject({ platform: 'discord', text: '', isDM: false });
    expect(doctor.diagnosed[0]!.user).toMatch(/^discord:\d+$/);
  });

  it('defers in time even when the screenshot download is slow', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const screenshot = world.fake.attachment({ filename: 'slow.png', data: new Uint8Array([1, 2, 3]), contentType: 'image/png' });
    world.fake.rest.fault({ method: 'GET', path: /^\/attachments\//, delayMs: 4000 });
    const { id } = world.fake.slash({ screenshot });
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).type).toBe(5);
    expect(ackDelay(world, id, callback)).toBeLessThan(2500);
  });

  it('refuses a screenshot that is not an image, at once and to the asker alone', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const screenshot = world.fake.attachment({ filename: 'notes.zip', data: new Uint8Array([1]), contentType: 'application/zip' });
    const { id } = world.fake.slash({ screenshot });
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).data!.flags).toBe(EPHEMERAL);
    expect(String(bodyOf(callback).data!.content)).toContain('not an image');
    expect(doctor.diagnosed).toHaveLength(0);
  });

  it('keeps 10,000 characters of details within every Discord limit: "More detail" answers with them, split over follow-ups', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `Line ${i}: ${'the model kept returning overloaded_error while '.repeat(1)}`).join('\n');
    const doctor = realDoctor({
      edit: (doc) => ({
        ...doc,
        headline: `${doc.headline} ${'!'.repeat(400)}`,
        cause: `${long}\n${long}`.slice(0, 10_000) + ' END-OF-CAUSE',
        facts: Array.from({ length: 60 }, (_, i) => `fact ${i} ${'x'.repeat(60)}`),
        snippet: { ...doc.snippet!, code: Array.from({ length: 120 }, (_, i) => `retry_${i} = client.messages.create(model="m", max_tokens=1)`).join('\n') },
      }),
    });
    world = await startWorld({ doctor });
    const { id } = world.fake.slash({ error: PASTE_529 });
    const answer = await world.fake.rest.waitForCall(isCallback(id));
    expect(JSON.stringify(answer.body)).not.toContain('END-OF-CAUSE');
    expect(JSON.stringify(answer.body)).toContain('ced:fb:down:overloaded');

    const more = pressMoreDetail(world, id, answer);
    const details = await world.fake.rest.waitForCall(isCallback(more.id));
    expect(bodyOf(details).type).toBe(4);
    await waitUntil(() => world!.metrics.replies.includes('details'));
    const sent = [details, ...world.fake.rest.calls.filter(byToken(more.token)).filter((c) => c !== details)];
    expect(sent.length).toBeGreaterThan(1);
    for (const call of sent) {
      expect(call.status).toBeLessThan(300);
      const body = bodyOf(call);
      expect(messageLimitProblems(body.data ?? body)).toEqual([]);
      expect((body.data ?? body).allowed_mentions).toMatchObject({ parse: [] });
      expect((body.data ?? body).flags ?? 0).toBe(0); // a public answer's details are public
    }
    const everything = sent.map((c) => JSON.stringify(c.body)).join('');
    expect(everything).toContain('END-OF-CAUSE');
    expect(everything).toContain('retry_0 = client.messages.create');
  });

  it('"More detail" on a private answer answers ephemerally, with the snippet and the support summary', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const { id } = world.fake.slash({ error: PASTE_529, private: true });
    const answer = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(answer).data!.flags).toBe(EPHEMERAL);
    const more = pressMoreDetail(world, id, answer);
    const details = await world.fake.rest.waitForCall(isCallback(more.id));
    expect(bodyOf(details).type).toBe(4);
    expect(bodyOf(details).data!.flags).toBe(EPHEMERAL);
    const text = JSON.stringify(details.body);
    expect(text).toContain('```python');
    expect(text).toContain('HTTP 529 · overloaded_error');
    expect(text).toContain('req_011CUaKf2ZS7Xp4q9Yv3nRtL');
  });

  it('posts a public answer\'s details once; a second click is told where they are', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const { id } = world.fake.slash({ error: PASTE_529 });
    const answer = await world.fake.rest.waitForCall(isCallback(id));
    const first = pressMoreDetail(world, id, answer);
    expect(bodyOf(await world.fake.rest.waitForCall(isCallback(first.id))).data!.flags ?? 0).toBe(0);
    const second = pressMoreDetail(world, id, answer);
    const note = await world.fake.rest.waitForCall(isCallback(second.id));
    expect(bodyOf(note).data!.flags).toBe(EPHEMERAL);
    expect(String(bodyOf(note).data!.content)).toContain('already posted');
  });

  it('counts a 👍 on an answer once, with its entry id, and acknowledges it ephemerally', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const { id } = world.fake.slash({ error: PASTE_529 });
    const answer = await world.fake.rest.waitForCall(isCallback(id));
    const components = bodyOf(answer).data!.components as Array<{ components: Array<{ custom_id: string }> }>;
    const up = components[0]!.components.find((b) => b.custom_id.startsWith('ced:fb:up:'))!.custom_id;
    const message = { ...world.fake.rest.interactions.get(id)!.original!, components };

    const first = world.fake.click(up, message);
    const ack = await world.fake.rest.waitForCall(isCallback(first.id));
    expect(bodyOf(ack).type).toBe(4);
    expect(bodyOf(ack).data!.flags).toBe(EPHEMERAL);
    const second = world.fake.click(up, message);
    await world.fake.rest.waitForCall(isCallback(second.id));

    expect(world.metrics.votes).toEqual([{ entry: 'overloaded', vote: 'up' }]);
    expect(world.logger.lines.filter((l) => (l.obj as { event?: string }).event === 'discord.feedback')).toHaveLength(1);
  });
});

/** Clicks "More detail" under the answer of interaction `id`, as Discord sends the click (type 3 over the gateway). */
function pressMoreDetail(w: World, id: string, answer: RestCall): { id: string; token: string } {
  const components = bodyOf(answer).data!.components as Array<{ components: Array<{ custom_id: string }> }>;
  const more = components[0]!.components.find((b) => b.custom_id.startsWith('ced:more:'));
  if (!more) throw new Error('no "More detail" button');
  return w.fake.click(more.custom_id, { ...w.fake.rest.interactions.get(id)!.original!, components });
}

async function waitUntil(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
