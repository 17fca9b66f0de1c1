import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDoctor } from '../../src/doctor';
import { type CaseScore, loadCorpus, scoreCase, showsOfficialStatusAndType, summarize } from '../support/corpus';

/**
 * Frozen held-out rounds (test/heldout/): each was labelled before the bot ever ran on it and scored
 * once; that first score is in first-scores.json. A round is not tuned on afterwards, so here it only
 * guards against going backwards: category accuracy and confidently-wrong answers may not get worse
 * than the first score, and no paste showing an official status and type is answered "unknown".
 */
const HELDOUT = fileURLToPath(new URL('../heldout', import.meta.url));
const FirstScores = z.object({
  rounds: z.array(
    z.object({
      file: z.string().regex(/\.jsonl$/),
      scored: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      cases: z.number().int().positive(),
      category: z.number().min(0).max(1),
      confidentlyWrong: z.number().int().min(0),
    }),
  ),
});
const { rounds } = FirstScores.parse(JSON.parse(readFileSync(`${HELDOUT}/first-scores.json`, 'utf8')));

it('has a first score for every held-out round on disk', () => {
  const onDisk = readdirSync(HELDOUT).filter((f) => f.endsWith('.jsonl'));
  expect(onDisk.length).toBeGreaterThanOrEqual(2);
  expect(rounds.map((r) => r.file).sort()).toEqual(onDisk.sort());
});

describe.each(rounds)('$file (first score $category)', (round) => {
  const cases = loadCorpus(`${HELDOUT}/${round.file}`);
  const scores: CaseScore[] = [];
  const confidentlyWrong: string[] = [];
  const officialUnknown: string[] = [];

  beforeAll(async () => {
    const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });
    for (const c of cases) {
      const d = await doctor.diagnose({ platform: 'test', text: c.text });
      const s = scoreCase(c, d);
      scores.push(s);
      if (s.confidentlyWrong) confidentlyWrong.push(`${c.id} → ${d.category} (${d.entry})`);
      if (showsOfficialStatusAndType(c, d) && d.category === 'unknown') officialUnknown.push(`${c.id}: ${c.expect.status ?? d.signals.status} ${c.expect.type ?? d.signals.type}`);
    }
  });

  it('still holds every labelled paste', () => {
    expect(cases).toHaveLength(round.cases);
  });

  it('gets the category right at least as often as on first contact', () => {
    const wrong = scores.filter((s) => !s.categoryOk).map((s) => `${s.id} → ${s.got.category}`);
    expect(summarize(scores).category, wrong.join('\n')).toBeGreaterThanOrEqual(round.category - 0.0005);
  });

  it('is confidently wrong no more often than on first contact', () => {
    expect(confidentlyWrong.length, confidentlyWrong.join('\n')).toBeLessThanOrEqual(round.confidentlyWrong);
  });

  it('answers no paste that shows an official status and type with "unknown"', () => {
    expect(officialUnknown).toEqual([]);
  });
});
