import { createDoctor } from '../../src/doctor';
import { HOSTILE_INPUTS, plainText } from '../support/hostile';

export interface PerKbFigure {
  name: string;
  chars: number;
  msPerKb: number;
}

/**
 * Time per KB of paste on the rules path, for each regex-hostile input of issue 15 and for plain
 * text of the same length (real pastes one after another). Best of 3, so a busy machine skews less.
 */
export async function benchHostile(length = 64_000): Promise<{ plain: PerKbFigure; hostile: PerKbFigure[] }> {
  const doctor = createDoctor();
  const measure = async (name: string, text: string): Promise<PerKbFigure> => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await doctor.diagnose({ platform: 'test', text });
      best = Math.min(best, performance.now() - t0);
    }
    return { name, chars: text.length, msPerKb: best / (text.length / 1024) };
  };
  const plain = await measure('plain pastes', plainText(length));
  const hostile: PerKbFigure[] = [];
  for (const h of HOSTILE_INPUTS) hostile.push(await measure(h.name, h.text(length)));
  return { plain, hostile };
}

export function printHostileBench(figures: { plain: PerKbFigure; hostile: PerKbFigure[] }): void {
  const row = (f: PerKbFigure) => `  ${f.name.padEnd(50)} ${String(f.chars).padStart(7)} chars  ${f.msPerKb.toFixed(3)} ms/KB`;
  console.log('hostile vs plain text (rules path, time per KB of paste, best of 3)');
  console.log(row(figures.plain));
  for (const f of figures.hostile) console.log(row(f));
}
