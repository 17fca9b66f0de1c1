import { afterEach, describe, expect, it } from 'vitest';
import { type RestCall, snowflake, user } from '../fakes/discord';
import { type FakeAnthropic, hang, startFakeAnthropic } from '../fakes/anthropic';
import { PASTE_529, PASTE_UNKNOWN, realDoctor, realStack, type SpyDoctor } from './support/doctors';
import { until } from '../support/until';
import { startWorld, type World } from './support/world';

/**
 * "Diagnose error" from a message's Apps menu, end to end: the real discord.js client gets the
 * APPLICATION_COMMAND interaction (type 3, the target in `resolved.messages`) over the fake gateway
 * and answers through the fake's REST API. The fake refuses (10062) any first response later than
 * Discord's 3 seconds, so a 204 on the callback is the proof of "within 3 s".
 */
let world: World | undefined;
let anthropic: FakeAnthropic | undefined;
let stack: SpyDoctor | undefined;
afterEach(async () => {
  await world?.close();
  await stack?.close();
  await anthropic?.close();
  world = stack = anthropic = undefined;
});

const EPHEMERAL = 64;
const VIEW_CHANNEL_ONLY = String(1 << 10);
const isCallback = (id: string) => (c: RestCall) => c.method === 'POST' && c.path.startsWith(`/interactions/${id}/`);
const bodyOf = (c: RestCall) => c.body as { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
const flagsOf = (c: RestCall) => (bodyOf(c).data!.flags ?? 0) as number;


describe('"Diagnose error" on a message', () => {
  it('answers a message with a .log attachment within 3 s, publicly, linking the message', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const log = world.fake.attachment({ filename: 'worker.log', data: new TextEncoder().encode(`retrying...\n${PASTE_529}\n`), contentType: 'text/plain; charset=utf-8' });
    const target = world.fake.storedMessage({ content: 'my batch job died overnight, log attached', attachments: [log] });
    const { id } = world.fake.messageCommand(target);

    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(callback.status).toBe(204); // the fake answers 10062 to anything after 3 s
    expect(bodyOf(callback).type).toBe(4);
    expect(flagsOf(callback) & EPHEMERAL).toBe(0);
    const data = bodyOf(callback).data!;
    expect(String(data.content)).toContain(`/channels/${String(target.guild_id)}/${String(target.channel_id)}/${String(target.id)}`);
    expect(JSON.stringify(data.embeds)).toContain('529');
    expect(JSON.stringify(data.components)).toContain('ced:fb:up:overloaded');
    expect(doctor.diagnosed[0]!.text).toContain('--- worker.log ---'); // the log was downloaded and read
    expect(doctor.diagnosed[0]!.text).toContain('overloaded_error');
    expect(doctor.diagnosed[0]!.user).toMatch(/^discord:\d+$/);
    await until(() => world!.metrics.replies.length === 1);
    expect(world.metrics.events).toEqual(['message-command']);
    expect(world.metrics.replies).toEqual(['direct']);
  });

  it('shows the "thinking" state while the model works, then edits the answer into it', async () => {
    anthropic = await startFakeAnthropic({ otherwise: hang() });
    stack = await realStack(anthropic);
    world = await startWorld({ doctor: stack });
    const { id, token } = world.fake.messageCommand(world.fake.storedMessage({ content: PASTE_UNKNOWN }));

    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(callback.status).toBe(204);
    expect(bodyOf(callback).type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: "… is thinking"
    const edit = await world.fake.rest.waitForCall((c) => c.method === 'PATCH' && c.path.endsWith(`${token}/messages/@original`));
    expect(edit.status).toBe(200);
    expect(edit.receivedAt).toBeGreaterThanOrEqual(callback.receivedAt);
    expect(JSON.stringify(edit.body)).toContain("I don't recognise this");
    expect(world.fake.rest.calls.filter(isCallback(id))).toHaveLength(1);
  });

  it('answers only the user when they may not post in that channel', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const { id } = world.fake.messageCommand(world.fake.storedMessage({ content: PASTE_529 }), { memberPermissions: VIEW_CHANNEL_ONLY });
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).type).toBe(4);
    expect(flagsOf(callback) & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(bodyOf(callback).data!.embeds)).toContain('529');
  });

  it('works as a user-installed app in a DM between people (context 2)', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const channelId = snowflake();
    const target = world.fake.storedMessage({ content: PASTE_529, dm: true, channelId });
    const { id } = world.fake.messageCommand(target, { place: { kind: 'user-install', channelId } });
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(bodyOf(callback).type).toBe(4);
    expect(flagsOf(callback) & EPHEMERAL).toBe(0);
    expect(String(bodyOf(callback).data!.content)).toContain(`/channels/@me/${channelId}/`);
  });

  it('keeps a pasted key out of the public answer and warns the user alone', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const key = 'sk-ant-api03-Q3kTzW9xYb7LmN2pR5sV8uXa1cE4gH6jK0oP-Zq_AbCdEf';
    const { id, token } = world.fake.messageCommand(world.fake.storedMessage({ content: `${PASTE_529}\nx-api-key: ${key}` }));
    const callback = await world.fake.rest.waitForCall(isCallback(id));
    expect(JSON.stringify(callback.body)).not.toContain(key.slice(0, 20));
    const warning = await world.fake.rest.waitForCall((c) => c.method === 'POST' && c.path.endsWith(`/webhooks/${world!.fake.applicationId}/${token}`));
    expect(bodyOf(warning).flags).toBe(EPHEMERAL);
    expect(String(bodyOf(warning).content)).toMatch(/rotate it/i);
    expect(world.logger.text()).not.toContain(key);
  });

  it('tells the user, privately, when the message has nothing to read or is one of its own answers', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const empty = world.fake.messageCommand(world.fake.storedMessage({ content: '' }));
    const own = world.fake.messageCommand(world.fake.storedMessage({ content: 'Server overloaded (529)', author: world.fake.botUser }));
    for (const { id } of [empty, own]) {
      const callback = await world.fake.rest.waitForCall(isCallback(id));
      expect(flagsOf(callback)).toBe(EPHEMERAL);
    }
    expect(String(bodyOf(await world.fake.rest.waitForCall(isCallback(empty.id))).data!.content)).toContain('no text');
    expect(String(bodyOf(await world.fake.rest.waitForCall(isCallback(own.id))).data!.content)).toContain('one of my answers');
    expect(doctor.diagnosed).toHaveLength(0);
  });

  it('answers a message written by someone else than the user, with the user as the asker', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const helper = user({ username: 'helper' });
    const { id } = world.fake.messageCommand(world.fake.storedMessage({ content: PASTE_529, author: user({ username: 'newcomer' }) }), { invoker: helper });
    await world.fake.rest.waitForCall(isCallback(id));
    expect(doctor.diagnosed[0]!.user).toBe(`discord:${helper.id}`);
  });
});
