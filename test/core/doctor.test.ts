import { describe, expect, it } from 'vitest';
import { createDoctor, requestedClient } from '../../src/doctor';
import type { FallbackRequest, ModelFallback } from '../../src/ports';
import { ImageRejectedError } from '../../src/ports';
import { fakeSecrets } from '../support/secrets';

const OVERLOADED_PY = `anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`;
const now = () => new Date('2026-11-25T12:00:00Z');

describe('the reply follows the user\'s client', () => {
  const doctor = createDoctor({ now });

  it('gives a Python paste the Python snippet and a Claude Code paste its commands', async () => {
    expect((await doctor.diagnose({ platform: 'test', text: OVERLOADED_PY })).document.snippet?.key).toBe('python');
    const cc = await doctor.diagnose({ platform: 'test', text: 'API Error: Repeated 529 Overloaded errors. The API is at capacity — this is usually temporary.' });
    expect(cc.document.snippet?.key).toBe('claude-code');
  });

  it('re-renders a previous diagnosis for the client a follow-up names', async () => {
    const first = await doctor.diagnose({ platform: 'test', text: OVERLOADED_PY });
    const again = await doctor.followUp(first, { platform: 'test', text: "I'm on Node" });
    expect(again.entry).toBe(first.entry);
    expect(again.document.snippet?.key).toBe('typescript');
    // Both parts follow the client: the long TypeScript snippet waits in the details.
    expect(again.details).toContain('```ts');
    expect(again.details).not.toContain('```python');
    const curl = await doctor.followUp(first, { platform: 'test', text: 'curl?' });
    expect(curl.document.snippet?.key).toBe('curl');
  });

  it('treats a follow-up that is another error as a new paste', async () => {
    const first = await doctor.diagnose({ platform: 'test', text: OVERLOADED_PY });
    const next = await doctor.followUp(first, { platform: 'test', text: 'now I get: Error code: 401 - {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}' });
    expect(next.status).toBe(401);
  });

  it.each([
    ["I'm on Node", 'typescript'],
    ['python?', 'python'],
    ['we use curl', 'curl'],
    ['claude code', 'claude-code'],
    ['thanks!', null],
    ['Error code: 429 in python', null],
  ])('requestedClient(%j) = %j', (text, client) => {
    expect(requestedClient(text)).toBe(client);
  });
});

describe('honest answers', () => {
  const doctor = createDoctor({ now });

  it('says "I don\'t recognise this" when nothing fits, with what it could read', async () => {
    // No error type at all: a type none of Claude's would say another server wrote it (test/core/out-of-scope-decision.test.ts).
    const d = await doctor.diagnose({ platform: 'test', text: 'Error code: 418 - {"type":"error","error":{"message":"short and stout"}}' });
    expect(d).toMatchObject({ category: 'unknown', entry: null, source: 'none', confidence: 0 });
    expect(d.reply).toMatch(/I don't recognise this/);
    expect(d.reply).toContain('418');
  });

  it('computes facts from the paste: when to retry', async () => {
    const d = await doctor.diagnose({ platform: 'test', text: 'HTTP/2 529\ncontent-type: application/json\nretry-after: 30\n\n{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' });
    expect(d.reply).toContain('12:00:30 UTC');
    expect(d.signals.retryAfterSeconds).toBe(30);
  });

  it('says it could not read an image when no reader is configured', async () => {
    const d = await doctor.diagnose({ platform: 'test', text: '', images: [{ data: new Uint8Array([137, 80, 78, 71]) }] });
    expect(d.warnings).toContain('image-not-read');
    expect(d.reply).toMatch(/could not read your image/i);
  });

  it('quotes what OCR read, and diagnoses text and images together', async () => {
    const reader = { read: async () => ({ text: 'anthropic._exceptions.OverloadedError: Error code: 529', confidence: 0.9 }) };
    const d = await createDoctor({ now, imageReader: reader }).diagnose({ platform: 'test', text: 'my script died', images: [{ data: new Uint8Array([1]) }] });
    expect(d.category).toBe('overloaded');
    expect(d.reply).toContain('Read from your screenshot:');
  });

  it('passes on a refused image with the reader\'s message', async () => {
    const reader = { read: async () => Promise.reject(new ImageRejectedError('I can read PNG, JPEG, WebP and GIF images; this file is a PDF.')) };
    const d = await createDoctor({ now, imageReader: reader }).diagnose({ platform: 'test', text: '', images: [{ data: new Uint8Array([37, 80, 68, 70]) }] });
    expect(d.warnings).toContain('image-rejected');
    expect(d.reply).toContain('this file is a PDF');
  });
});

describe('the model fallback is asked only when the rules are unsure', () => {
  function recordingFallback(answer: Awaited<ReturnType<ModelFallback['explain']>>) {
    const calls: FallbackRequest[] = [];
    const fallback: ModelFallback = { enabled: true, explain: async (r) => (calls.push(r), answer) };
    return { fallback, calls };
  }

  it('is not called for a confident rules answer', async () => {
    const { fallback, calls } = recordingFallback({ kind: 'unavailable', reason: 'disabled', message: '' });
    await createDoctor({ now, fallback }).diagnose({ platform: 'test', text: OVERLOADED_PY });
    expect(calls).toHaveLength(0);
  });

  it('is called with redacted text for a vague paste, and its answer is labelled', async () => {
    const { fallback, calls } = recordingFallback({ kind: 'answer', model: 'claude-haiku-4-5', entry: null, status: null, type: null, category: null, explanation: 'A proxy in front of the API is failing.', fix: ['Check the proxy logs.'], confidence: 0.7 });
    const key = fakeSecrets().anthropicApi;
    const d = await createDoctor({ now, fallback }).diagnose({ platform: 'test', text: `my thing broke with key ${key}, help`, user: 'u1' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.text).not.toContain(key);
    expect(calls[0]!.user).toBe('u1');
    expect(d).toMatchObject({ source: 'model', model: 'claude-haiku-4-5' });
    expect(d.reply).toMatch(/Model answer/);
  });

  it('degrades to the rules with one line saying why the model was unavailable', async () => {
    const { fallback } = recordingFallback({ kind: 'unavailable', reason: 'overloaded', message: 'The model was overloaded; try again in a minute.' });
    const d = await createDoctor({ now, fallback }).diagnose({ platform: 'test', text: 'something odd happened' });
    expect(d.source).not.toBe('model');
    expect(d.reply).toContain('The model was overloaded');
    expect(d.warnings).toContain('model-unavailable');
  });
});

describe('live status on server-side errors', () => {
  const incident = { indicator: 'major' as const, description: 'Partial System Outage', incidents: [{ name: 'Elevated errors on Claude Opus', status: 'investigating', url: 'https://status.claude.com/incidents/x' }], pageUrl: 'https://status.claude.com' };

  it('quotes an ongoing incident for a 529', async () => {
    const d = await createDoctor({ now, statusSource: { current: async () => incident } }).diagnose({ platform: 'test', text: OVERLOADED_PY });
    expect(d.reply).toContain('Elevated errors on Claude Opus');
  });

  it('says nothing when the status page is unreachable, and never asks it for client-side errors', async () => {
    let asked = 0;
    const unreachable = { current: async () => (asked++, null) };
    const d = await createDoctor({ now, statusSource: unreachable }).diagnose({ platform: 'test', text: OVERLOADED_PY });
    expect(d.reply).not.toMatch(/status right now/);
    await createDoctor({ now, statusSource: unreachable }).diagnose({ platform: 'test', text: 'hello' });
    expect(asked).toBe(1);
  });
});
