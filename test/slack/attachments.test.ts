import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { dmEvent, mentionEvent } from '../fakes/slack/events';
import { type Bot, messageText, startBot } from './support/harness';

let bot: Bot | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await bot?.close();
  bot = undefined;
  for (const c of cleanups.splice(0)) await c();
});

const posts = () => bot!.fake.callsTo('chat.postMessage');
/** The first bytes of a PNG, enough for "this is an image" without decoding. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function slackFile(over: Record<string, unknown>): Record<string, unknown> {
  return { id: 'F0SHOT', name: 'shot.png', mimetype: 'image/png', filetype: 'png', size: PNG.length, mode: 'hosted', ...over };
}

/** A server on another port: a host that must never receive the bot token. */
async function foreignHost() {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(String(req.headers.authorization));
    res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/files-pri/T-F/shot.png`, hits };
}

describe('attachments', () => {
  it('downloads a screenshot from Slack with the bot token and hands the bytes to the core', async () => {
    bot = await startBot('socket');
    bot.fake.files.set('T0FAKE-F0SHOT/shot.png', { contentType: 'image/png', body: PNG });
    const file = slackFile({ url_private: bot.fake.fileUrl('T0FAKE-F0SHOT/shot.png') });
    await bot.fake.socket.sendEvent(mentionEvent({ text: 'what is this?', files: [file] }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(bot.fake.fileRequests).toEqual([{ path: '/files-pri/T0FAKE-F0SHOT/shot.png', authorization: expect.stringMatching(/^Bearer xoxb-/) }]);
    const [image] = bot.doctor.diagnosed[0]!.images ?? [];
    expect(Buffer.from(image!.data)).toEqual(PNG);
    expect(image).toMatchObject({ mimeType: 'image/png', name: 'shot.png' });
    // Until the core reads screenshots, it says so and the reply carries that note.
    expect(messageText(posts()[0]!.params)).toContain('could not read your image');
  });

  it('never sends the token to a host that is not Slack, and says why the file was skipped', async () => {
    bot = await startBot('socket');
    const foreign = await foreignHost();
    await bot.fake.socket.sendEvent(dmEvent({ text: '429', files: [slackFile({ url_private: foreign.url })] }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(foreign.hits).toEqual([]);
    expect(bot.doctor.diagnosed[0]!.images).toEqual([]);
    expect(messageText(posts()[0]!.params)).toContain('it is not hosted by Slack');
  });

  it('skips an image over 10 MiB without downloading it', async () => {
    bot = await startBot('socket');
    const file = slackFile({ size: 11 * 1024 * 1024, url_private: bot.fake.fileUrl('big.png') });
    await bot.fake.socket.sendEvent(dmEvent({ text: '', files: [file] }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(bot.fake.fileRequests).toEqual([]);
    expect(messageText(posts()[0]!.params)).toContain('larger than 10 MiB');
  });

  it('refuses a "screenshot" that Slack serves as something else', async () => {
    bot = await startBot('socket');
    bot.fake.files.set('fake.png', { contentType: 'application/octet-stream', body: PNG });
    await bot.fake.socket.sendEvent(dmEvent({ text: '429', files: [slackFile({ url_private: bot.fake.fileUrl('fake.png') })] }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(bot.doctor.diagnosed[0]!.images).toEqual([]);
    expect(messageText(posts()[0]!.params)).toContain('Slack did not send the file');
  });

  it('reads an attached text snippet into the paste', async () => {
    bot = await startBot('socket');
    const body = Buffer.from('Traceback (most recent call last):\nanthropic.APIStatusError: Error code: 529 overloaded_error');
    bot.fake.files.set('trace.txt', { contentType: 'text/plain; charset=utf-8', body });
    const snippet = { id: 'F0TXT', name: 'trace.txt', mimetype: 'text/plain', filetype: 'text', mode: 'snippet', size: body.length, url_private: bot.fake.fileUrl('trace.txt') };
    await bot.fake.socket.sendEvent(mentionEvent({ text: 'help', files: [snippet] }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(bot.doctor.diagnosed[0]!.text).toBe(`help\n\n${body.toString()}`);
  });

  it('asks files.info when the event only names the file (Slack Connect)', async () => {
    bot = await startBot('socket');
    bot.fake.files.set('connect.png', { contentType: 'image/png', body: PNG });
    bot.fake.fileInfo.set('F0CONNECT', slackFile({ id: 'F0CONNECT', url_private: bot.fake.fileUrl('connect.png') }));
    await bot.fake.socket.sendEvent(dmEvent({ text: '', files: [{ id: 'F0CONNECT', file_access: 'check_file_info' }] }));
    await bot.fake.waitFor(() => posts().length === 1, 5_000, 'the reply');
    expect(bot.fake.callsTo('files.info')[0]!.params.file).toBe('F0CONNECT');
    expect(bot.doctor.diagnosed[0]!.images).toHaveLength(1);
  });
});
