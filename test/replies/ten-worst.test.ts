import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../src/doctor';

/**
 * The ten worst replies of the December 2026 review (../shared/docs/reply-review.md, "The 10 worst
 * replies"), as new pastes of the same kind written for this test — another Cherry Studio app
 * behind a Google endpoint, another boto3 IAM denial naming a role and region, and so on. Each
 * first message must keep the detail that decides the case, never carry operator text, and say
 * nothing twice across the two parts.
 */
const doctor = createDoctor({ now: () => new Date('2026-12-07T12:00:00Z') });
const diagnose = (text: string) => doctor.diagnose({ platform: 'test', text });

const OPERATOR_TEXT = /confidence|fallback is not configured|not configured on this bot|verified 20\d\d/i;

const CASES: Array<{ review: string; paste: string; keeps: RegExp[] }> = [
  {
    review: '1. h-071: a Google-shaped 404 in Cherry Studio',
    paste: [
      'Cherry Studio v1.5.7 (Windows) — provider "My Claude", model claude-sonnet-4-5',
      'AI_APICallError: Not Found',
      '    at file:///C:/Users/ana/AppData/Local/Programs/Cherry%20Studio/resources/app.asar/out/renderer/assets/index.js:1:2337',
      'statusCode: 404',
      'responseBody: {"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND"}}',
    ].join('\n'),
    keeps: [/Requested entity was not found/],
  },
  {
    review: "2. h-053: the output filter in Claude Code's debug log",
    paste: [
      'claude --debug output right before it gives up:',
      '[DEBUG] Stream started - received first chunk',
      '[ERROR] Error streaming, falling back to non-streaming mode: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Output blocked by content filtering policy"},"request_id":"req_011CXbG7uQ2mN8pLk4Tz9WvR"}',
      'I only asked it to add the MIT licence text to my repo.',
    ].join('\n'),
    keeps: [/Output blocked by content filtering policy/],
  },
  {
    review: '3. h-047: httpx.PoolTimeout, with the user’s own keep-alive workaround',
    paste: [
      'Traceback (most recent call last):',
      '  File "/srv/worker/jobs.py", line 88, in summarise',
      '    resp = await client.messages.create(model="claude-sonnet-4-6", max_tokens=2048, messages=msgs)',
      '  File "/srv/venv/lib/python3.12/site-packages/httpx/_transports/default.py", line 118, in map_httpcore_exceptions',
      '    raise mapped_exc(message) from exc',
      'httpx.PoolTimeout',
      'Happens after ~200 concurrent tasks; setting max_keepalive_connections=0 on the http client made it go away.',
    ].join('\n'),
    keeps: [/PoolTimeout/],
  },
  {
    review: '4. h-058: npm EACCES on the global folder',
    paste: [
      '$ npm install -g @anthropic-ai/claude-code',
      'npm ERR! code EACCES',
      'npm ERR! syscall mkdir',
      'npm ERR! path /usr/local/lib/node_modules/@anthropic-ai',
      "npm ERR! Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules/@anthropic-ai'",
    ].join('\n'),
    keeps: [/EACCES/, /node_modules/],
  },
  {
    review: '5. h-008: a Max user with no API key whose login does not stick',
    paste: [
      "I'm on the Max plan and I do NOT use an API key. Every time I start claude in my devcontainer it says:",
      '  ⎿  Invalid API key · Please run /login',
      'I run /login, it says "Login successful", and the next message fails the same way.',
    ].join('\n'),
    keeps: [/\/login/],
  },
  {
    review: '6. h-035: only the Explore agent fails on Vertex AI — its Haiku model is not enabled',
    paste: [
      'Claude Code on Vertex AI (CLAUDE_CODE_USE_VERTEX=1, region us-east5). Sonnet works fine, but every time it spawns the Explore agent:',
      '⏺ Explore(Find the auth middleware)',
      '  ⎿  API Error: 404 {"error":{"code":404,"message":"Publisher Model `projects/acme-ml/locations/us-east5/publishers/anthropic/models/claude-haiku-4-5@20251001` was not found or your project does not have access to it.","status":"NOT_FOUND"}}',
    ].join('\n'),
    keeps: [/claude-haiku-4-5@20251001/],
  },
  {
    review: '7. h-133: a disabled organization, asked in Chinese from Cherry Studio',
    paste: [
      '使用 Cherry Studio 调用 Claude 时报错，之前一直正常：',
      '请求失败: 400 {"type":"error","error":{"type":"invalid_request_error","message":"This organization has been disabled."},"request_id":"req_011CXc2Hn5dQ7rWz3Lp8Ty6K"}',
    ].join('\n'),
    keeps: [/organization has been disabled/i],
  },
  {
    review: '9. h-076: Continue’s auto-filed 401 template',
    paste: [
      '### Relevant environment info',
      '- Continue version: 1.2.4',
      '- IDE version: VS Code 1.96.2',
      'Provider: anthropic',
      'Status Code: 401',
      'Error: {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_011CXcDk7Yt2Qm9Rb4Nv6Lp3"}',
    ].join('\n'),
    keeps: [/401/, /invalid api key/i],
  },
  {
    review: '10. c-05: a boto3 IAM denial naming the role and the region',
    paste: [
      'Traceback (most recent call last):',
      '  File "/app/summarise.py", line 31, in <module>',
      '    resp = brt.converse(modelId="eu.anthropic.claude-sonnet-4-5-20250929-v1:0", messages=msgs)',
      'botocore.errorfactory.AccessDeniedException: An error occurred (AccessDeniedException) when calling the Converse operation: User: arn:aws:sts::418827711234:assumed-role/summariser-lambda-role/summariser-prod is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0 because no identity-based policy allows the bedrock:InvokeModel action',
    ].join('\n'),
    keeps: [/`summariser-lambda-role`/, /`bedrock:InvokeModel`/, /eu-west-1/, /`eu\.` inference profile/, /no identity-based policy/],
  },
  {
    review: 'runner-up c-01: a curl -i 429 whose input-token bucket is empty',
    paste: [
      'HTTP/2 429',
      'date: Mon, 07 Dec 2026 11:59:50 GMT',
      'retry-after: 17',
      'anthropic-ratelimit-requests-limit: 4000',
      'anthropic-ratelimit-requests-remaining: 3952',
      'anthropic-ratelimit-input-tokens-limit: 400000',
      'anthropic-ratelimit-input-tokens-remaining: 0',
      'anthropic-ratelimit-input-tokens-reset: 2026-12-07T12:00:07Z',
      'anthropic-ratelimit-output-tokens-limit: 80000',
      'anthropic-ratelimit-output-tokens-remaining: 79100',
      '',
      '{"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your organization\'s rate limit of 400,000 input tokens per minute."}}',
    ].join('\n'),
    keeps: [/Retry at 12:00:07 UTC \(in 17 s\)/, /input-tokens bucket is empty/, /requests \(3,952 of 4,000 left\)/],
  },
];

describe('the review’s worst replies, as pastes of the same kind', () => {
  it.each(CASES)('$review: the first message keeps the deciding detail', async ({ paste, keeps }) => {
    const d = await diagnose(paste);
    for (const detail of keeps) expect(d.reply).toMatch(detail);
    expect(`${d.reply}\n${d.details}`).not.toMatch(OPERATOR_TEXT);
  });

  it.each(CASES)('$review: reply and details together hold each step once', async ({ paste }) => {
    const d = await diagnose(paste);
    const both = `${d.reply}\n${d.details}`;
    for (const step of d.document.fix) expect(both.split(step).length - 1, step).toBe(1);
    expect(d.document.replySteps).toBeLessThanOrEqual(3);
  });

  it('8. c-08: a Claude Code login token sent with curl — the warning leads the answer and says how to replace that kind of token', async () => {
    const token = `sk-ant-oat01-Vq3Lm9ZpX2rT7yB4nK8sW1cF6hJ0dG5aE3uR9tY2iO7pQ4wS8xZ1vM6bN3kL0jH5gF2dA9sC4eR7tY1uI8oP3qW6zX-Qq9Lm2AA`;
    const d = await diagnose(
      `$ curl https://api.anthropic.com/v1/messages -H "x-api-key: ${token}" -H "anthropic-version: 2023-06-01" -d '{"model":"claude-sonnet-4-6","max_tokens":64,"messages":[{"role":"user","content":"hi"}]}'\n{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_011CXc9Pw2Ls8Kn4Vb6Hy3Tq"}`,
    );
    const [warning] = d.reply.split('\n');
    expect(warning).toMatch(/^> ⚠️ Your paste contained a Claude Code login token \(OAuth\)/);
    expect(warning).toContain('`/logout`, then `/login`');
    expect(warning).not.toContain('settings/keys');
    expect(JSON.stringify(d)).not.toContain(token.slice(13, 40));
  });
});
