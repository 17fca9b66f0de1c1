import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';
import { redactSecrets } from '../../src/redact';
import { fakeSecrets } from '../support/secrets';

const s = fakeSecrets();

/** Each secret in the contexts people paste it in: curl, env files, header dumps, SDK code. */
const samples: Array<[string, string]> = [
  ['anthropic api key in curl', `curl https://api.anthropic.com/v1/messages -H "x-api-key: ${s.anthropicApi}" -H "anthropic-version: 2023-06-01"`],
  ['anthropic api key in env', `ANTHROPIC_API_KEY=${s.anthropicApi}`],
  ['anthropic api key in python', `client = anthropic.Anthropic(api_key="${s.anthropicApi}")`],
  ['anthropic api key in a JSON header dump', `{"headers":{"x-api-key":"${s.anthropicApi}","content-type":"application/json"}}`],
  ['anthropic admin key', `export ANTHROPIC_ADMIN_KEY='${s.anthropicAdmin}'`],
  ['anthropic oauth token', `CLAUDE_CODE_OAUTH_TOKEN=${s.anthropicOauth}`],
  ['anthropic oauth token used as api key', `Authorization: Bearer ${s.anthropicOauth}`],
  ['short anthropic key', `my key is ${s.anthropicShort} and it fails`],
  ['anthropic key in a traceback', `anthropic.AuthenticationError: Error code: 401 (key ${s.anthropicApi})`],
  ['openai project key', `OPENAI_API_KEY=${s.openaiProject}`],
  ['openai legacy key', `openai.api_key = "${s.openaiLegacy}"`],
  ['aws access key', `aws_access_key_id = ${s.awsAccess}`],
  ['aws session key', `"AccessKeyId": "${s.awsSession}"`],
  ['aws secret', `aws_secret_access_key = ${s.awsSecret}`],
  ['aws secret env', `AWS_SECRET_ACCESS_KEY=${s.awsSecret}`],
  ['slack bot token', `SLACK_BOT_TOKEN=${s.slackBot}`],
  ['slack user token', `token: ${s.slackUser}`],
  ['slack app token', `SLACK_APP_TOKEN=${s.slackApp}`],
  ['github pat', `git clone https://${s.github}@github.com/org/repo`],
  ['github fine-grained', `GITHUB_TOKEN=${s.githubFine}`],
  ['google api key', `key=${s.google}`],
  ['huggingface', `HF_TOKEN=${s.huggingface}`],
  ['jwt', `Cookie: session=${s.jwt}`],
  ['bearer token', `-H "Authorization: Bearer ${s.bearer}"`],
  ['lower-case bearer', `authorization: bearer ${s.bearer}`],
  ['discord token', `DISCORD_TOKEN=${s.discord}`],
  ['pem key', `key file:\n${s.pem}\n`],
  ['generic api key assignment', `api_key: "${s.bearer}"`],
  ['generic auth token', `ANTHROPIC_AUTH_TOKEN=${s.bearer}`],
  ['two keys on one line', `${s.anthropicApi} ${s.openaiProject}`],
];
// Each format again inside a Claude Code /bug array (escaped JSON), 30 + 20 = 50 samples.
for (const [name, text] of samples.slice(0, 20)) {
  samples.push([`${name} (escaped in JSON)`, JSON.stringify([{ error: `Error: 401 ${text}`, timestamp: '2026-06-08T15:59:44.890Z' }])]);
}

const secretValues = Object.values(s).map((v) => (v.includes('PRIVATE KEY') ? v.split('\n')[1]! : v));

describe('redactSecrets', () => {
  it.each(samples)('masks %s', (_name, text) => {
    const { text: out, findings } = redactSecrets(text);
    expect(findings.length).toBeGreaterThan(0);
    for (const secret of secretValues) expect(out).not.toContain(secret);
  });

  it('covers at least 50 samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(50);
  });

  it('keeps the key kind visible, so an OAuth token used as an API key can still be diagnosed', () => {
    expect(redactSecrets(`x-api-key: ${s.anthropicOauth}`).text).toContain('sk-ant-oat01-[REDACTED]');
  });

  it('asks for rotation only for real-looking credentials, not placeholders', () => {
    expect(redactSecrets(`ANTHROPIC_API_KEY=${s.anthropicApi}`).secretDetected).toBe(true);
    expect(redactSecrets('ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxx').secretDetected).toBe(false);
    expect(redactSecrets('set api_key="<your-api-key>"').secretDetected).toBe(false);
  });

  it.each([
    ['request ids', '{"type":"error","error":{"type":"not_found_error","message":"model: x"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}'],
    ['vertex request ids', 'request_id: req_vrtx_011CX8LKNqFusFUVvygN5vEH'],
    ['tool ids', 'tool_use ids were found without tool_result blocks immediately after: toolu_01KKMxh6V7Kx6g5tZbQBfQ9b'],
    ['org uuids in rate-limit text', "your organization's rate limit of 30,000 input tokens per minute (org: 80162711-722b-4454-ae75-c6334e6796f2, model: claude-opus-4-6)"],
    ['token counts', 'max_tokens: 128001 > 64000; budget_tokens=32000'],
    ['the bare header name', 'authentication_error: invalid x-api-key'],
    ['cf-ray', "'cf-ray': '8e695a03eed4f9fd-SJC'"],
    ['model ids', 'model: claude-sonnet-4-5-20250929 (also claude-opus-4-1@20250805 on Vertex)'],
    ['git hashes in a stack trace', '    at Object.<anonymous> (/app/node_modules/.pnpm/@anthropic-ai+sdk@0.39.0_3f2a9c0e1b7d4e6f8a9b0c1d2e3f4a5b6c7d8e9f/index.js:12:5)'],
    ['a sha256 digest', 'image sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 pulled'],
    ['a 40-hex commit next to an example access key id', 'AKIA key rotated in commit 3f2a9c0e1b7d4e6f8a9b0c1d2e3f4a5b6c7d8e9f'],
    ['a URL with a port and a query', 'POST http://localhost:8080/v1/messages?beta=true failed: ECONNREFUSED'],
    ['a Vertex region', 'Vertex AI: region asia-southeast1 does not serve claude-sonnet-4-5'],
    ['prose with escapes', 'the field \\"max_tokens\\" must be \\u2264 64000 &amp; > 0 (100%25 sure)'],
    ['wrapped prose', 'Your credit balance is too low to access the Anthropic API. Please go to Plans &\nBilling to upgrade or purchase credits.'],
  ])('leaves %s alone', (_name, text) => {
    const { text: out, findings } = redactSecrets(text);
    expect(out).toBe(text);
    expect(findings).toEqual([]);
  });
});

describe('the doctor never echoes a pasted secret', () => {
  const doctor = createDoctor();
  it.each(samples.slice(0, 12))('%s', async (_name, text) => {
    const d = await doctor.diagnose({ platform: 'test', text: `${text}\nError code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', 'message': 'invalid x-api-key'}}` });
    const everything = JSON.stringify(d);
    for (const secret of secretValues) expect(everything).not.toContain(secret);
  });

  it('warns privately to rotate a live-looking key', async () => {
    const d = await doctor.diagnose({ platform: 'test', text: `export ANTHROPIC_API_KEY=${s.anthropicApi}\nError code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', 'message': 'invalid x-api-key'}}` });
    expect(d.warnings).toContain('secret-detected');
    expect(d.document.privateNotes.join(' ')).toMatch(/rotate/i);
    expect(d.reply).toMatch(/rotate/i);
  });
});
