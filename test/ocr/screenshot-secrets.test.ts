import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type ChannelRunner, createChannelRunner } from '../support/output-channels';
import { claudeCodeBox, KEY, KEY_BODY, leakedRuns } from '../support/secret-forms';
import { renderScreenshot, type ScreenshotStyle } from './render-screenshot';

/**
 * Issue 15, "Done when": screenshots with a key go through the real OCR path (tesseract, one worker
 * reused) and the real doctor, with the model fallback pointed at the loopback Anthropic fake. OCR
 * reads `_` as a space and the terminal wraps the 108-character key onto a second line; no
 * 8-character run of the key's secret part may reach the reply (which quotes what was read), the
 * --json output, the logs or the model request.
 */
const TERMINAL = `my script prints this and then hangs:\nexport ANTHROPIC_API_KEY=${KEY}\n$ python app.py`;
const SHOTS: Array<[string, string, ScreenshotStyle]> = [
  ['a dark terminal, the key wrapped over two lines', TERMINAL, 'dark-terminal'],
  ['a light terminal, the key wrapped over two lines', TERMINAL, 'light-terminal'],
  ['a Claude Code box, the key wrapped between its borders', claudeCodeBox(`> my script hangs, my key is ${KEY} why`, 60), 'dark-terminal'],
];

describe('a key in a screenshot never leaves the process', () => {
  let runner: ChannelRunner;
  beforeAll(async () => {
    runner = await createChannelRunner({ ocr: true });
  });
  afterAll(() => runner.close());

  it.each(SHOTS)('%s', async (_name, text, style) => {
    // 800 px wide: about 93 columns, so the wrap falls inside the key.
    const png = await renderScreenshot(text, style, { width: 800 });
    const outputs = await runner.run('', [{ data: new Uint8Array(png), name: 'shot.png' }]);
    // It was read (the quote shows the masked key) and the model was asked with what was read.
    expect(outputs.reply).toContain('Read from your screenshot:');
    expect(outputs.reply).toContain('sk-ant-api03-[REDACTED]');
    expect(JSON.parse(outputs.json).warnings).toContain('secret-detected');
    expect(outputs.model).not.toBe('');
    for (const channel of CHANNELS) expect(leakedRuns(KEY_BODY, outputs[channel]), channel).toEqual([]);
  }, 60_000);
});
