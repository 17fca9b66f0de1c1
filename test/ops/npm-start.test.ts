import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from '../fakes/slack/fake-slack';
import { BotProcess } from './support/bot-process';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** True when nothing listens on the loopback port any more. */
const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(true));
  });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start, signalled as a container runtime does (CMD ["npm", "start"])', () => {
  it('passes SIGTERM to the bot, which stops cleanly; npm exits 0 and leaves no process holding its ports', async () => {
    const slack = await FakeSlack.start();
    cleanup.push(() => slack.close());
    const bot = new BotProcess(
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl, HEALTH_PORT: '0', STATUS_URL: 'off', LOG_LEVEL: 'info' },
      'npm start',
    );
    cleanup.push(() => bot.stop());
    const ready = await bot.waitForLog((r) => r.msg === 'ready', 30_000);
    const healthPort = ready.healthPort as number;
    const botPid = ready.pid as number;
    // Were npm to orphan the bot, the failing test must not leave it running.
    cleanup.push(async () => void (alive(botPid) && process.kill(botPid, 'SIGKILL')));
    expect(botPid).not.toBe(bot.pid); // npm is a separate process in front of the bot
    expect(await portFree(healthPort)).toBe(false);

    bot.signal('SIGTERM');
    const { code } = await bot.exited;
    expect(code).toBe(0);
    expect(bot.logs().find((r) => r.msg === 'shutdown complete')).toMatchObject({ clean: true, stuck: [] });
    expect(alive(botPid)).toBe(false);
    expect(await portFree(healthPort)).toBe(true);
  });
});
