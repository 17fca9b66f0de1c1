import { diagnoseLine } from '../../src/cli/jsonl';
import { formatDiagnosis } from '../../src/cli/output';
import { createAppDoctor } from '../../src/compose';
import { loadConfig } from '../../src/config';
import type { ImageInput } from '../../src/contracts';
import { createLogger } from '../../src/ops/logger';
import { answerForcedTool, type FakeAnthropic, fakeAnthropicEnv, messageRequests, noneAnswer, startFakeAnthropic, wireText } from '../fakes/anthropic';

/** Everything that leaves the process for one paste, by exit. */
export const CHANNELS = ['reply', 'json', 'jsonl', 'logs', 'model'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelOutputs = Record<Channel, string>;

/** A paste the rules cannot tell, so the model fallback is asked and its request can be checked. */
export const VAGUE = 'my claude integration just stopped working this morning, nothing useful in the logs, any idea?';

export interface ChannelRunner {
  /** Diagnoses `text` the way the CLI does (markdown, --json, --jsonl) and returns every exit's text. */
  run(text: string, images?: ImageInput[]): Promise<ChannelOutputs>;
  close(): Promise<void>;
}

/**
 * The CLI's pieces in-process — the composition root from `loadConfig`, the same output formatting
 * as `npm run -s diagnose`, the --jsonl line handler — with a trace-level logger captured in memory
 * and the model fallback pointed at the loopback Anthropic fake, whose requests are recorded.
 */
export async function createChannelRunner(options: { ocr?: boolean } = {}): Promise<ChannelRunner> {
  const fake: FakeAnthropic = await startFakeAnthropic({ otherwise: answerForcedTool(noneAnswer()) });
  const logLines: string[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line: string) => void logLines.push(line) } });
  const config = loadConfig({
    ...fakeAnthropicEnv(fake),
    FALLBACK_USER_PER_MINUTE: '100000',
    OCR_ENABLED: options.ocr ? 'true' : 'false',
    STATUS_URL: 'off',
  });
  const doctor = await createAppDoctor(config, { logger });
  let n = 0;
  return {
    async run(text, images = []) {
      const logsBefore = logLines.length;
      const requestsBefore = messageRequests(fake).length;
      n += 1;
      const d = await doctor.diagnose({ platform: 'cli', text, images, user: `cli-${n}` });
      const json = formatDiagnosis(d, 'json');
      // --jsonl: the paste as a proper line, and each of its lines as a line that is not JSON.
      const jsonlInputs = text === '' ? [] : [JSON.stringify({ id: `form-${n}`, text }), ...text.split('\n').filter((l) => l.trim() !== '')];
      const jsonl: string[] = [];
      for (const [i, line] of jsonlInputs.entries()) jsonl.push(JSON.stringify(await diagnoseLine(doctor, line, i + 1)));
      return {
        reply: formatDiagnosis(d, 'markdown'),
        json,
        jsonl: jsonl.join('\n'),
        logs: logLines.slice(logsBefore).join(''),
        model: messageRequests(fake).slice(requestsBefore).map(wireText).join('\n'),
      };
    },
    async close() {
      await doctor.close();
      await fake.close();
    },
  };
}
