import { loadCatalog } from '../../src/catalog';
import { createDoctor } from '../../src/doctor';
import { extractSignals } from '../../src/extract';
import { Matcher } from '../../src/match';
import { HOSTILE } from '../support/hostile';

export interface HostileBench {
  name: string;
  /** Every catalogue regex (pattern and unless) over the raw paste. */
  regexesMs: number;
  /** Extraction and ranking (the rules path without redaction and normalization). */
  rulesMs: number;
  /** The whole diagnosis, redaction, normalization and reply included. */
  diagnoseMs: number;
}

/** Pastes built to make a backtracking regex explode (test/catalog/linear-time.test.ts): how long each takes. */
export async function benchHostileRegexes(): Promise<HostileBench[]> {
  const catalog = loadCatalog();
  const matcher = new Matcher(catalog);
  const doctor = createDoctor({ catalog });
  const regexes = catalog.flatMap((e) => e.match.flatMap((r) => [r.pattern, r.unless].filter((re): re is RegExp => re !== undefined)));
  const time = async (f: () => unknown) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  const out: HostileBench[] = [];
  for (const [name, text] of Object.entries(HOSTILE)) {
    out.push({
      name,
      regexesMs: await time(() => regexes.forEach((re) => re.test(text))),
      rulesMs: await time(() => {
        const x = extractSignals(text);
        matcher.match({ signals: x.signals, text: x.focus, lower: x.focusLower });
      }),
      diagnoseMs: await time(() => doctor.diagnose({ platform: 'test', text })),
    });
  }
  return out;
}
