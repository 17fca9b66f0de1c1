import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog';
import { FallbackEnvSchema } from '../../src/config/sections';
import { DiagnosisSchema } from '../../src/contracts';
import { createDoctor } from '../../src/doctor';
import { createModelFallback } from '../../src/fallback';
import { SYSTEM_INSTRUCTIONS } from '../../src/fallback/prompt';
import type { DoctorObserver } from '../../src/ports';
import {
  answerForcedTool,
  type FakeAnthropic,
  fakeAnthropicEnv,
  messageRequests,
  noneAnswer,
  overloaded,
  rateLimited,
  startFakeAnthropic,
  wireText,
} from '../fakes/anthropic';
import { diagnoseCli } from '../support/spawn';
import { fakeSecrets } from '../support/secrets';
import { INJECTION_PASTES } from './support/injection-pastes';

/**
 * The real doctor (real catalogue, redaction, matching, rendering) with the real fallback, the real
 * SDK and a loopback fake of the Messages API.
 */
const VAGUE = 'my claude integration just stopped working this morning, nothing useful in the logs, any idea?';
const now = () => new Date('2026-12-01T14:00:00Z');

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function doctorWith(env: Record<string, string>, observer?: DoctorObserver) {
  const catalog = loadCatalog();
  const fallback = createModelFallback(FallbackEnvSchema.parse(env), {
    catalogIndex: catalog.map(({ id, title, category }) => ({ id, title, category })),
    now: () => now().getTime(),
  });
  return createDoctor({ catalog, fallback, observer, now });
}

describe('the doctor with the model fallback', () => {
  it('answers a vague paste from the model, labelled, with source "model" and the model named', async () => {
    fake = await startFakeAnthropic({ script: [answerForcedTool(noneAnswer('A proxy between you and the API drops the connection.'))] });
    const fallbackCalls: string[] = [];
    const d = await doctorWith(fakeAnthropicEnv(fake), { fallbackCalled: (o) => void fallbackCalls.push(o) }).diagnose({ platform: 'test', text: VAGUE });
    expect(DiagnosisSchema.parse(d)).toMatchObject({ source: 'model', model: 'claude-haiku-5-5', entry: null });
    expect(d.reply).toContain('Model answer');
    expect(d.reply).toContain('A proxy between you and the API drops the connection.');
    expect(messageRequests(fake)).toHaveLength(1);
    expect(fallbackCalls).toEqual(['answer']);
  });

  it('renders a picked catalogue entry like a rules answer, snippet included', async () => {
    fake = await startFakeAnthropic({
      script: [answerForcedTool({ ...noneAnswer(), entry: 'overloaded', status: 529, type: 'overloaded_error', category: 'overloaded', confidence: 0.8 })],
    });
    const d = await doctorWith(fakeAnthropicEnv(fake)).diagnose({ platform: 'test', text: VAGUE });
    expect(d).toMatchObject({ source: 'model', entry: 'overloaded', category: 'overloaded', model: 'claude-haiku-5-5' });
    expect(d.document.snippet).not.toBeNull();
  });

  it('degrades to the rules with one line when the model is overloaded, never claiming a model answer', async () => {
    fake = await startFakeAnthropic({ script: [overloaded(), overloaded(), overloaded()] });
    const d = await doctorWith({ ...fakeAnthropicEnv(fake), FALLBACK_DEADLINE_MS: '10000' }).diagnose({ platform: 'test', text: VAGUE });
    expect(d.source).not.toBe('model');
    expect(d.model).toBeNull();
    expect(d.reply).toMatch(/The model was overloaded \(HTTP 529 overloaded_error\); try again/);
    expect(messageRequests(fake).length).toBeLessThanOrEqual(3);
  });

  it('says when to try again after a 429 whose wait does not fit', async () => {
    fake = await startFakeAnthropic({ script: [rateLimited(600)] });
    const d = await doctorWith({ ...fakeAnthropicEnv(fake), FALLBACK_DEADLINE_MS: '3000' }).diagnose({ platform: 'test', text: VAGUE });
    expect(d.source).toBe('none');
    expect(d.reply).toContain('try again in about 10 min (at 14:10:00 UTC)');
  });

  it('makes no request without a key, and says only the rules answered', async () => {
    fake = await startFakeAnthropic();
    const d = await doctorWith({ ANTHROPIC_BASE_URL: fake.url }).diagnose({ platform: 'test', text: VAGUE });
    expect(fake.requests).toHaveLength(0);
    expect(d.source).toBe('none');
    expect(d.reply).toMatch(/No model was asked/);
  });

  it('never sends a pasted secret: no request header or body carries one', async () => {
    fake = await startFakeAnthropic({ otherwise: answerForcedTool(noneAnswer()) });
    const doctor = doctorWith({ ...fakeAnthropicEnv(fake), FALLBACK_USER_PER_MINUTE: '100' });
    const s = fakeSecrets(11);
    // Each secret of the shared corpus in a context people paste it in.
    const pasted = [
      `x-api-key: ${s.anthropicApi}`,
      `export ANTHROPIC_ADMIN_KEY='${s.anthropicAdmin}'`,
      `CLAUDE_CODE_OAUTH_TOKEN=${s.anthropicOauth}`,
      `my key is ${s.anthropicShort}`,
      `OPENAI_API_KEY=${s.openaiProject}`,
      `openai.api_key = "${s.openaiLegacy}"`,
      `aws_access_key_id = ${s.awsAccess}`,
      `"AccessKeyId": "${s.awsSession}"`,
      `AWS_SECRET_ACCESS_KEY=${s.awsSecret}`,
      `SLACK_BOT_TOKEN=${s.slackBot}`,
      `token: ${s.slackUser}`,
      `SLACK_APP_TOKEN=${s.slackApp}`,
      `git clone https://${s.github}@github.com/org/repo`,
      `GITHUB_TOKEN=${s.githubFine}`,
      `key=${s.google}`,
      `HF_TOKEN=${s.huggingface}`,
      `Cookie: session=${s.jwt}`,
      `-H "Authorization: Bearer ${s.bearer}"`,
      `DISCORD_TOKEN=${s.discord}`,
      `key file:\n${s.pem}`,
    ];
    for (const [i, line] of pasted.entries()) {
      await doctor.diagnose({ platform: 'test', text: `${VAGUE} (${i})\n${line}`, user: `u${i}` });
    }
    await doctor.diagnose({ platform: 'test', text: `${VAGUE}\n${pasted.join('\n')}`, user: 'all' });
    expect(messageRequests(fake)).toHaveLength(pasted.length + 1); // every paste did reach the model...
    const secretValues = Object.values(s).map((v) => (v.includes('PRIVATE KEY') ? v.split('\n')[1]! : v));
    for (const request of fake.requests) {
      const wire = wireText(request);
      for (const secret of secretValues) expect(wire).not.toContain(secret); // ...redacted
    }
  });

  it('keeps every injection paste to a schema-valid diagnosis without the system prompt', async () => {
    fake = await startFakeAnthropic({ otherwise: answerForcedTool(noneAnswer()) });
    const doctor = doctorWith({ ...fakeAnthropicEnv(fake), FALLBACK_USER_PER_MINUTE: '100' });
    for (const paste of INJECTION_PASTES) {
      const d = DiagnosisSchema.parse(await doctor.diagnose({ platform: 'test', text: paste }));
      expect(d.reply).not.toContain(SYSTEM_INSTRUCTIONS.slice(0, 80));
    }
  });
});

describe('npm run -s diagnose -- --json, pointed at the fake', () => {
  it('shows source "model" for a vague paste', async () => {
    fake = await startFakeAnthropic({ script: [answerForcedTool(noneAnswer('The gateway in front of the API timed out.'))] });
    const r = await diagnoseCli(['--json'], { stdin: VAGUE, env: fakeAnthropicEnv(fake, 'sk-ant-test-cli-key-00000001'), timeoutMs: 45_000 });
    expect(r.code).toBe(0);
    const d = DiagnosisSchema.omit({ document: true }).parse(JSON.parse(r.stdout));
    expect(d).toMatchObject({ source: 'model', model: 'claude-haiku-5-5' });
    expect(d.reply).toContain('The gateway in front of the API timed out.');
    expect(messageRequests(fake)).toHaveLength(1);
    expect(r.stderr).not.toContain('sk-ant-test-cli-key');
  });

  it('shows a rules (or none) answer with the reason when the fake is overloaded', async () => {
    fake = await startFakeAnthropic({ otherwise: overloaded({ 'x-should-retry': 'false' }) });
    const r = await diagnoseCli(['--json'], { stdin: VAGUE, env: fakeAnthropicEnv(fake), timeoutMs: 45_000 });
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { source: string; reply: string };
    expect(d.source).not.toBe('model');
    expect(d.reply).toContain('The model was overloaded');
  });
});
