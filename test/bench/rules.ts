import { createDoctor } from '../../src/doctor';
import { loadCorpus } from '../support/corpus';

export interface RulesBench {
  pastes: number;
  pastesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** The rules path (no model, no OCR) over the dev corpus, repeated, on one core. */
export async function benchRules(rounds = 300): Promise<RulesBench> {
  const doctor = createDoctor();
  const texts = loadCorpus().map((c) => c.text);
  for (let i = 0; i < 20; i++) for (const t of texts) await doctor.diagnose({ platform: 'test', text: t }); // warm-up
  const times: number[] = [];
  let peak = process.memoryUsage().rss;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      const t0 = performance.now();
      await doctor.diagnose({ platform: 'test', text });
      times.push(performance.now() - t0);
    }
    if (r % 20 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    pastes: times.length,
    pastesPerSecond: Math.round(times.length / elapsed),
    p50Ms: quantile(times, 0.5),
    p99Ms: quantile(times, 0.99),
    peakRssMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024,
  };
}
