import { describe, expect, it } from 'vitest';
import { DiagnosisSchema } from '../../src/contracts';
import { diagnoseCli } from '../support/spawn';
import { fakeSecrets } from '../support/secrets';

const JsonDiagnosis = DiagnosisSchema.omit({ document: true });
/** Claude Code's start-up check failing on a certificate: two entries fire in the same tier, precedence decides. */
const TLS = 'Unable to connect to Anthropic services\n\nFailed to connect to api.anthropic.com: SELF_SIGNED_CERT_IN_CHAIN';
const RETRIES =
  '⎿ API Error (Request timed out.) · Retrying in 37 seconds… (attempt 7/10)\n⎿ API Error (502 <html><head><title>502 Bad Gateway</title></head></html>) · Retrying in 38 seconds… (attempt 9/10)';

describe('diagnose --explain (why this entry and not that one)', () => {
  it('prints, under the reply, the winning rule, each runner-up and the outranks path that decided', async () => {
    const r = await diagnoseCli(['--explain'], { stdin: TLS });
    expect(r.code).toBe(0);
    const [reply, why] = r.stdout.split('\nWhy this answer (diagnose --explain)\n');
    expect(reply).toMatch(/^## /);
    expect(why).toMatch(/^Answer: tls-certificate-error \(network\.connection\) · exact 0\.95 · rule \d+ · wins$/m);
    expect(why).toMatch(/^Runner-up 1: connection-error .* loses to tls-certificate-error: outranked \(tls-certificate-error → connection-error\)$/m);
    expect(why).toMatch(/^ {2}why: {2}\S/m);
    expect(why).toContain('SELF_SIGNED_CERT_IN_CHAIN');
  });

  it('shows the spans extraction blanked in the text the rules read', async () => {
    const r = await diagnoseCli(['--explain'], { stdin: RETRIES });
    expect(r.stdout).toContain('⟦blanked, older-retry-line: API Error (Request timed out.)');
  });

  it('adds a trace to --json only with --explain, with the same facts', async () => {
    const plain = JSON.parse((await diagnoseCli(['--json'], { stdin: TLS })).stdout);
    expect(plain).not.toHaveProperty('trace');
    const d = JsonDiagnosis.parse(JSON.parse((await diagnoseCli(['--json', '--explain'], { stdin: TLS })).stdout));
    expect(d.trace!.candidates[0]).toMatchObject({ entry: d.entry, evidence: 'exact', confidence: d.confidence, decision: { kind: 'winner' } });
    expect(d.trace!.candidates[1]).toMatchObject({ entry: 'connection-error', decision: { kind: 'outranked', path: ['tls-certificate-error', 'connection-error'] } });
    expect(d.trace!.text).toContain('SELF_SIGNED_CERT_IN_CHAIN');
  });

  it('never shows a pasted key in the trace', async () => {
    const key = fakeSecrets().anthropicApi;
    const r = await diagnoseCli(['--json', '--explain'], { stdin: `ANTHROPIC_API_KEY=${key}\n${TLS}` });
    expect(r.stdout).not.toContain(key);
    expect(JSON.parse(r.stdout).trace.text).toContain('ANTHROPIC_API_KEY=');
  });

  it('--help documents --explain', async () => {
    expect((await diagnoseCli(['--help'])).stdout).toContain('--explain');
  });
});
