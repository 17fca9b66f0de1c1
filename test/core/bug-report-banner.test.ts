import { describe, expect, it } from 'vitest';
import type { Signals } from '../../src/contracts';
import { extractSignals } from '../../src/extract';
import { normalizeText } from '../../src/normalize';
import { computeFacts } from '../../src/render/facts';
import { loadModels, ModelIndex } from '../../src/models';
import { loadCorpus } from '../support/corpus';

const holdout = new Map(loadCorpus('holdout-6c.jsonl').map((c) => [c.id, c.text]));
const extract = (text: string) => extractSignals(normalizeText(text).flat, new Date('2026-11-25T12:00:00Z'));
const signalsOf = (text: string): Signals => extract(text).signals;

describe('Claude Code /bug reports: the banner vs the **Errors** log', () => {
  it('takes the banner status when no logged body has it (the log holds older, unrelated errors)', () => {
    // hk-013: "API Error: 500 Internal server error…" in the description, an earlier edge 403 in the log.
    const { signals, focus } = extract(holdout.get('hk-013')!);
    expect(signals.status).toBe(500);
    expect(signals.type).toBeNull();
    expect(focus).not.toContain('Request not allowed');
  });

  it('keeps the logged body when it carries the banner status', () => {
    const text = [
      '**Bug Description**',
      'API Error: 400 This organization has been disabled.',
      '**Errors**',
      '```json',
      '[{"error":"Error: 400 {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"invalid_request_error\\",\\"message\\":\\"This organization has been disabled.\\"},\\"request_id\\":\\"req_011CcZCmicNryVqGrUyoPkXM\\"}\\n    at generate (/$bunfs/root/src/entrypoints/cli.js:12:68924)","timestamp":"2026-06-30T09:25:25.014Z"}]',
      '```',
    ].join('\n');
    const s = signalsOf(text);
    expect(s.status).toBe(400);
    expect(s.type).toBe('invalid_request_error');
    expect(s.message).toBe('This organization has been disabled.');
  });

  it('leaves a report without a banner status alone', () => {
    const s = signalsOf(
      '**Bug Description**\nit stopped\n**Errors**\n[{"error":"Error: 403 {\\"error\\":{\\"type\\":\\"forbidden\\",\\"message\\":\\"Request not allowed\\"}}","timestamp":"2026-05-11T16:29:37.597Z"}]',
    );
    expect(s.status).toBe(403);
  });
});

describe('rejected-field fact', () => {
  const models = new ModelIndex(loadModels());
  const fact = (text: string) => computeFacts(['rejected-field'], { signals: signalsOf(text), text: normalizeText(text).flat, now: new Date(), models }).map((f) => f.brief);

  it('names the key from "<key>: Extra inputs are not permitted", also when the phrase is wrapped', () => {
    expect(fact(holdout.get('hk-044')!)).toEqual(['The key the API refused: `guardrails`.']);
    expect(fact(holdout.get('hk-042')!)).toEqual(['The key the API refused: `response_format`.']);
  });

  it('gives the path when the key is nested', () => {
    expect(fact('messages.65.content.1.tool_use.text: Extra inputs are not permitted')).toEqual([
      'The key the API refused: `text` (at `messages.65.content.1.tool_use.text`).',
    ]);
  });

  it('says nothing without the phrase', () => {
    expect(fact('400 {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}')).toEqual([]);
  });
});
