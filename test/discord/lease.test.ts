import { describe, expect, it } from 'vitest';
import { feedbackCustomId, parseFeedbackCustomId } from '../../adapters/discord/feedback-ids';
import { type GatewayConnection, LeasedConnection } from '../../adapters/discord/lease';
import type { DiscordState } from '../../adapters/discord/types';
import type { SharedStore } from '../../src/ports';
import { MemoryStore } from '../../src/store';
import { instantClock, recordingLogger } from './support/world';

/** A gateway connection that only records its lifecycle. */
function fakeConnections() {
  const made: Array<GatewayConnection & { events: string[] }> = [];
  const connect = () => {
    const events: string[] = [];
    let state: DiscordState = 'starting';
    const c = {
      events,
      start: async () => void (events.push('start'), (state = 'up')),
      stop: async () => void (events.push('stop'), (state = 'down')),
      state: () => state,
    };
    made.push(c);
    return c;
  };
  return { made, connect };
}

/** A store whose lease answers are scripted: true = ours, false = another replica's. */
function scriptedLeases(answers: boolean[]) {
  const store: SharedStore = new MemoryStore();
  const released: string[] = [];
  store.lease = async () => answers.shift() ?? false;
  store.releaseLease = async (_name: string, owner: string) => void released.push(owner);
  return { store, released };
}

describe('LeasedConnection (one gateway session among replicas)', () => {
  it('connects only while it holds the lease: stands by, takes over, and disconnects when another replica took it', async () => {
    const { made, connect } = fakeConnections();
    const { store } = scriptedLeases([false, false, true, true, false]);
    const clock = instantClock();
    const logger = recordingLogger();
    const lease = new LeasedConnection({ store, ttlMs: 3_000, clock, logger, connect });

    await lease.start();
    expect(lease.state()).toBe('standby');
    expect(made).toHaveLength(0);
    // The loop asks every third of the lease; the scripted answers run out as "not ours".
    for (let i = 0; i < 50 && !logger.lines.some((l) => /another replica took/.test(l.msg ?? '')); i += 1) await new Promise((r) => setImmediate(r));
    expect(made).toHaveLength(1);
    expect(made[0]!.events).toEqual(['start', 'stop']);
    expect(lease.state()).toBe('standby');
    expect(clock.sleeps.every((ms) => ms === 1_000)).toBe(true);
    await lease.stop();
    expect(lease.state()).toBe('down');
  });

  it('gives the lease up on a clean stop, so a standby need not wait for it to expire', async () => {
    const { made, connect } = fakeConnections();
    const { store, released } = scriptedLeases([true]);
    const lease = new LeasedConnection({ store, ttlMs: 60_000, clock: instantClock(), logger: recordingLogger(), connect });
    await lease.start();
    expect(lease.state()).toBe('up');
    await lease.stop();
    expect(made[0]!.events).toEqual(['start', 'stop']);
    expect(released).toEqual([lease.owner]);
  });
});

describe('feedback buttons carry the review reference', () => {
  it('round-trips entry and reference, and ignores anything that is not a reference', () => {
    const id = feedbackCustomId('down', 'rate-limit', '0123456789abcdef');
    expect(id).toBe('ced:fb:down:rate-limit:0123456789abcdef');
    expect(parseFeedbackCustomId(id)).toEqual({ vote: 'down', entry: 'rate-limit', ref: '0123456789abcdef' });
    expect(parseFeedbackCustomId('ced:fb:up:-')).toEqual({ vote: 'up', entry: null });
    expect(feedbackCustomId('down', 'x', '../../etc')).toBe('ced:fb:down:x');
  });
});
