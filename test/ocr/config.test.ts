import { describe, expect, it } from 'vitest';
import { cleanEnv } from '../../src/config/env';
import { OcrEnvSchema } from '../../src/config/sections';

describe('screenshot settings', () => {
  it('reads screenshots by default, with a 20 s deadline and 8 waiting images', () => {
    expect(OcrEnvSchema.parse(cleanEnv({ OCR_ENABLED: '', OCR_TIMEOUT_MS: '' }))).toEqual({ OCR_ENABLED: true, OCR_TIMEOUT_MS: 20_000, OCR_MAX_WAITING: 8 });
  });

  it('can be switched off and tuned', () => {
    expect(OcrEnvSchema.parse({ OCR_ENABLED: 'off', OCR_TIMEOUT_MS: '5000', OCR_MAX_WAITING: '0' })).toEqual({ OCR_ENABLED: false, OCR_TIMEOUT_MS: 5000, OCR_MAX_WAITING: 0 });
  });

  it.each([['OCR_TIMEOUT_MS', 'soon'], ['OCR_ENABLED', 'maybe'], ['OCR_MAX_WAITING', '-1']])('refuses %s=%s', (key, value) => {
    expect(OcrEnvSchema.safeParse({ [key]: value }).success).toBe(false);
  });
});
