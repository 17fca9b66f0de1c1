import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * English language data shipped by the `@tesseract.js-data/eng` npm package. We use its
 * `4.0.0_best_int` set (LSTM only): the same recognition as the package's default `4.0.0` set,
 * which adds the legacy engine we do not use, but it loads in less than half the time and memory.
 */
const DATA_SET = '4.0.0_best_int';

/** The local directory that holds `eng.traineddata.gz`; throws when the package is missing. */
export function englishLanguagePath(): string {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('@tesseract.js-data/eng/package.json'));
  const dir = path.join(packageDir, DATA_SET);
  if (!existsSync(path.join(dir, 'eng.traineddata.gz'))) {
    throw new Error(`OCR language data not found at ${dir}: reinstall @tesseract.js-data/eng`);
  }
  return dir;
}
