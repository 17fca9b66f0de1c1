import { afterEach, describe, expect, it } from 'vitest';
import { messageLimitProblems, type RestCall, snowflake, user } from '../fakes/discord';
import { PASTE_529, realDoctor } from './support/doctors';
import { startWorld, type World } from './support/world';

/** DMs to the bot, over the real gateway connection: MESSAGE_CREATE in, a reply out, the real core between. */
let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const messagesIn = (channelId: string) => (c: RestCall) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`;
const body = (c: RestCall) => c.body as Record<string, unknown> & { embeds?: Array<Record<string, unknown>> };

describe('DMs to the bot', () => {
  it('answers a pasted 529 with a reply that pings nobody', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const { id, channelId } = world.fake.dm({ content: `${PASTE_529} @everyone` });

    const reply = await world.fake.rest.waitForCall(messagesIn(channelId));
    expect(reply.status).toBe(200);
    expect(body(reply).message_reference).toMatchObject({ message_id: id, fail_if_not_exists: false });
    expect(body(reply).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body(reply).embeds![0]!.title).toContain('529');
    expect(messageLimitProblems(reply.body)).toEqual([]);
    expect(world.fake.rest.calls.some((c) => c.path === `/channels/${channelId}/typing`)).toBe(true);
  });

  it('answers a DM whose MESSAGE_CREATE has no channel_type (the discord.js 14.26.2 regression)', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const { channelId } = world.fake.dm({ content: PASTE_529, withChannelType: false });
    const reply = await world.fake.rest.waitForCall(messagesIn(channelId));
    expect(reply.status).toBe(200);
    expect(doctor.diagnosed).toHaveLength(1);
    expect(doctor.diagnosed[0]).toMatchObject({ platform: 'discord', isDM: true, channel: channelId });
  });

  it('ignores DMs from bots, including its own messages', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const otherBot = user({ username: 'another-bot', bot: true });
    const channelId = snowflake();
    for (let i = 0; i < 100; i += 1) world.fake.dm({ content: PASTE_529, author: otherBot, channelId });
    world.fake.dm({ content: PASTE_529, author: world.fake.botUser, channelId, withChannelType: false });
    world.fake.dm({ content: 'ping', author: world.fake.botUser, channelId });
    // A human DM afterwards proves the bot messages were processed (and skipped), not lost in transit.
    const human = world.fake.dm({ content: PASTE_529 });
    await world.fake.rest.waitForCall(messagesIn(human.channelId));

    expect(world.fake.rest.calls.filter((c) => c.path.startsWith(`/channels/${channelId}/`))).toHaveLength(0);
    expect(doctor.diagnosed).toHaveLength(1);
  });

  it('reads a .log attachment into the paste', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const log = world.fake.attachment({ filename: 'run.log', data: new TextEncoder().encode(`starting\n${PASTE_529}\n`), contentType: 'text/plain; charset=utf-8' });
    const { channelId } = world.fake.dm({ content: '', attachments: [log] });
    await world.fake.rest.waitForCall(messagesIn(channelId));
    expect(doctor.diagnosed[0]!.text).toContain('overloaded_error');
    expect(doctor.diagnosed[0]!.text).toContain('run.log');
  });

  it('reads an image attachment as image bytes', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9, 9]);
    const shot = world.fake.attachment({ filename: 'shot.PNG', data: png, contentType: 'image/png' });
    const { channelId } = world.fake.dm({ attachments: [shot] });
    await world.fake.rest.waitForCall(messagesIn(channelId));
    expect([...doctor.diagnosed[0]!.images![0]!.data]).toEqual([...png]);
  });

  it('skips a text file over 1 MiB and says so, without downloading it', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const big = world.fake.attachment({ filename: 'huge.txt', data: new Uint8Array(10), contentType: 'text/plain', size: 2 * 1024 * 1024 });
    const { channelId } = world.fake.dm({ content: PASTE_529, attachments: [big] });
    const reply = await world.fake.rest.waitForCall(messagesIn(channelId));
    expect(String(body(reply).content)).toContain('huge.txt');
    expect(String(body(reply).content)).toContain('larger than 1 MiB');
    expect(doctor.diagnosed[0]!.text).not.toContain('huge.txt');
  });

  it('answers a DM with nothing readable with a usage hint, and asks the doctor nothing', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const zip = world.fake.attachment({ filename: 'logs.zip', data: new Uint8Array([1, 2]), contentType: 'application/zip' });
    const { channelId } = world.fake.dm({ attachments: [zip] });
    const reply = await world.fake.rest.waitForCall(messagesIn(channelId));
    expect(String(body(reply).content)).toContain('logs.zip');
    expect(String(body(reply).content)).toMatch(/\.txt/);
    expect(doctor.diagnosed).toHaveLength(0);
  });

  it('puts the rotate-your-key warning in the DM answer itself, never the key', async () => {
    world = await startWorld({ doctor: realDoctor() });
    const key = 'sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0Ed-CbA_zyXwVuT';
    const { channelId } = world.fake.dm({ content: `${PASTE_529}\nANTHROPIC_API_KEY=${key}` });
    const reply = await world.fake.rest.waitForCall(messagesIn(channelId));
    expect(JSON.stringify(reply.body)).toMatch(/rotate/i);
    expect(JSON.stringify(reply.body)).not.toContain(key);
    expect(world.logger.text()).not.toContain(key);
  });

  it('treats a later DM in the same conversation as a follow-up ("I\'m on Node")', async () => {
    const doctor = realDoctor();
    world = await startWorld({ doctor });
    const channelId = snowflake();
    world.fake.dm({ content: PASTE_529, channelId });
    await world.fake.rest.waitForCall(messagesIn(channelId));
    world.fake.dm({ content: "I'm on Node", channelId });
    const second = await world.fake.rest.waitForCall((c) => messagesIn(channelId)(c) && c !== world!.fake.rest.calls.find(messagesIn(channelId)));
    expect(JSON.stringify(second.body)).toContain('```ts');
    expect(JSON.stringify(second.body)).toContain('new Anthropic(');
    expect(doctor.diagnosed).toHaveLength(1);
    expect(doctor.followedUp).toHaveLength(1); // re-rendered for Node, not diagnosed again
  });
});
