import { describe, expect, it } from 'vitest';
import type { DiscordMetrics } from '../../adapters/discord';
import type { SlackMetrics } from '../../adapters/slack';
import { createDoctor } from '../../src/doctor';
import { createMetrics } from '../../src/ops/metrics';
import type { FallbackOutcome, ImageReader, ModelFallback } from '../../src/ports';
import { fakeSecrets } from '../support/secrets';
import { sample } from './support/prom';

const OVERLOADED = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`;

const fallback = (outcome: FallbackOutcome): ModelFallback => ({ enabled: true, explain: async () => outcome });
const reader = (text: string): ImageReader => ({ read: async () => ({ text, confidence: 0.9 }) });
const png = { data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), mimeType: 'image/png', name: 'shot.png' };

describe('metrics', () => {
  it('counts diagnoses by source and category, and times them', async () => {
    const metrics = createMetrics();
    const doctor = createDoctor({ observer: metrics.observer });
    await doctor.diagnose({ platform: 'test', text: OVERLOADED });
    await doctor.diagnose({ platform: 'test', text: OVERLOADED });
    const { body, contentType } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(sample(body, 'claude_doctor_diagnoses_total', { source: 'rules', category: 'overloaded' })).toBe(2);
    expect(sample(body, 'claude_doctor_diagnosis_seconds_count', { source: 'rules' })).toBe(2);
  });

  it('counts a pasted key as a warning, and never puts pasted text in a label', async () => {
    const metrics = createMetrics();
    const key = fakeSecrets(3).anthropicApi;
    await createDoctor({ observer: metrics.observer }).diagnose({ platform: 'test', text: `${OVERLOADED}\nANTHROPIC_API_KEY=${key}` });
    const { body } = await metrics.render();
    expect(sample(body, 'claude_doctor_diagnosis_warnings_total', { warning: 'secret-detected' })).toBe(1);
    expect(body).not.toContain(key.slice(-20));
  });

  it('counts model fallback calls by outcome with their latency', async () => {
    const metrics = createMetrics();
    const unavailable = createDoctor({ observer: metrics.observer, fallback: fallback({ kind: 'unavailable', reason: 'overloaded', message: 'The model was overloaded.' }) });
    await unavailable.diagnose({ platform: 'test', text: 'my app printed something odd', user: 'u1' });
    const answered = createDoctor({
      observer: metrics.observer,
      fallback: fallback({ kind: 'answer', model: 'claude-haiku-4-5', entry: null, status: null, type: null, category: null, explanation: 'It is a local proxy error.', fix: ['Check the proxy.'], confidence: 0.7 }),
    });
    await answered.diagnose({ platform: 'test', text: 'my app printed something else', user: 'u1' });
    const { body } = await metrics.render();
    expect(sample(body, 'claude_doctor_fallback_calls_total', { outcome: 'overloaded' })).toBe(1);
    expect(sample(body, 'claude_doctor_fallback_calls_total', { outcome: 'answer' })).toBe(1);
    expect(sample(body, 'claude_doctor_fallback_seconds_count', { outcome: 'answer' })).toBe(1);
    expect(sample(body, 'claude_doctor_diagnoses_total', { source: 'model', category: 'unknown' })).toBe(1);
  });

  it('times OCR by outcome', async () => {
    const metrics = createMetrics();
    await createDoctor({ observer: metrics.observer, imageReader: reader(OVERLOADED) }).diagnose({ platform: 'test', text: '', images: [png] });
    const { body } = await metrics.render();
    expect(sample(body, 'claude_doctor_ocr_seconds_count', { outcome: 'ok' })).toBe(1);
  });

  it('counts events, replies and votes per adapter, with forged entries folded into "other"', async () => {
    const metrics = createMetrics();
    metrics.knownEntries(['overloaded', 'rate-limit']);
    // The adapters' own hook interfaces, met without an adapter importing the operations layer.
    const slack: Required<SlackMetrics> = metrics.adapter('slack');
    const discord: Required<DiscordMetrics> = metrics.adapter('discord');
    slack.eventReceived('handled');
    slack.eventReceived('duplicate');
    slack.replySent('answer');
    slack.replyFailed('answer');
    slack.feedbackVote('up', 'overloaded');
    discord.eventReceived('slash');
    discord.replySent('deferred');
    discord.feedback('rate-limit', 'down');
    discord.feedback('../../etc/passwd', 'down');
    discord.feedback(null, 'up');
    discord.restartScheduled('login failed: getaddrinfo ENOTFOUND discord.com', 5000);
    const { body } = await metrics.render();
    expect(sample(body, 'claude_doctor_events_received_total', { adapter: 'slack', kind: 'handled' })).toBe(1);
    expect(sample(body, 'claude_doctor_events_received_total', { adapter: 'discord', kind: 'slash' })).toBe(1);
    expect(sample(body, 'claude_doctor_replies_sent_total', { adapter: 'slack', kind: 'answer' })).toBe(1);
    expect(sample(body, 'claude_doctor_replies_failed_total', { adapter: 'slack', kind: 'answer' })).toBe(1);
    expect(sample(body, 'claude_doctor_feedback_votes_total', { adapter: 'slack', entry: 'overloaded', vote: 'up' })).toBe(1);
    expect(sample(body, 'claude_doctor_feedback_votes_total', { adapter: 'discord', entry: 'rate-limit', vote: 'down' })).toBe(1);
    expect(sample(body, 'claude_doctor_feedback_votes_total', { adapter: 'discord', entry: 'other', vote: 'down' })).toBe(1);
    expect(sample(body, 'claude_doctor_feedback_votes_total', { adapter: 'discord', entry: 'none', vote: 'up' })).toBe(1);
    expect(sample(body, 'claude_doctor_adapter_restarts_total', { adapter: 'discord' })).toBe(1);
    expect(body).not.toContain('ENOTFOUND');
  });

  it('reports adapter state and replies in flight at scrape time, plus process metrics', async () => {
    const metrics = createMetrics();
    let slack = 'starting';
    metrics.watchAdapters(() => ({ slack, discord: 'up' }));
    metrics.watchInFlight(() => 3);
    let { body } = await metrics.render();
    expect(sample(body, 'claude_doctor_adapter_up', { adapter: 'slack' })).toBe(0);
    expect(sample(body, 'claude_doctor_adapter_up', { adapter: 'discord' })).toBe(1);
    expect(sample(body, 'claude_doctor_replies_in_flight')).toBe(3);
    expect(body).toContain('process_cpu_seconds_total');
    slack = 'up';
    ({ body } = await metrics.render());
    expect(sample(body, 'claude_doctor_adapter_up', { adapter: 'slack' })).toBe(1);
  });

  it('keeps registries apart, so two bots in one process do not share counters', async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.adapter('slack').eventReceived('handled');
    expect(sample((await a.render()).body, 'claude_doctor_events_received_total', { adapter: 'slack', kind: 'handled' })).toBe(1);
    expect(sample((await b.render()).body, 'claude_doctor_events_received_total', { adapter: 'slack', kind: 'handled' })).toBe(0);
  });
});
