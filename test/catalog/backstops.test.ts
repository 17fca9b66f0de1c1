import Anthropic, * as sdk from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { EntrySchema, loadCatalog } from '../../src/catalog';
import { analyzeText, createDoctor } from '../../src/doctor';
import { TYPE_STATUS } from '../../src/extract';
import { Matcher } from '../../src/match';
import { SDK_ERROR_CODE_CLASSES } from '../support/contract-texts';

/**
 * Backstops: a documented status and type, or an SDK exception class, always gets at least the
 * generic answer for it, whatever the message says. A rule that reads structure only and has no veto
 * is such a floor; the test checks one fires on each, so no wording can take the answer away.
 */
const catalog = loadCatalog();
const matcher = new Matcher(catalog);
const doctor = createDoctor({ catalog, now: () => new Date('2026-11-25T12:00:00Z') });
const REQUEST_ID = 'req_011CSHoEeqs5C35K2UUqR7Fy';

/** Conditions that read wording or context rather than the error's structure, and the veto. */
const NOT_STRUCTURE = ['pattern', 'keywords', 'allKeywords', 'unless', 'client', 'cloud', 'foreignProvider', 'errorCode', 'retryAfter'] as const;

/** The veto-free, structure-only rules that fire on a text: the answer no wording can remove. */
function floors(text: string): string[] {
  const a = analyzeText(text, matcher, new Date('2026-11-25T12:00:00Z'));
  const outcomes = matcher.outcomes({ signals: a.signals, text: a.extraction.focus, lower: a.extraction.focusLower });
  return outcomes.flatMap((o) => {
    const rule = catalog[o.entry]!.match[o.rule]!;
    return o.fires && NOT_STRUCTURE.every((k) => rule[k] === undefined) ? [`${catalog[o.entry]!.id}/${o.rule}`] : [];
  });
}

/** Messages no entry lists, in the shapes that have removed generic answers before: OAuth prose, a model name, Google's status word. */
const ODD_MESSAGES = ['xyzzy: nothing any entry lists', 'OAuth session could not be refreshed for this organization', 'model: claude-xyz is not available here', 'NOT_FOUND upstream'];

const pyRepr = (type: string, message: string) => `{'type': 'error', 'error': {'type': '${type}', 'message': '${message}'}, 'request_id': '${REQUEST_ID}'}`;
const documentedForms = (status: number, type: string, message: string) => [
  `Error: ${status} ${JSON.stringify({ type: 'error', error: { type, message }, request_id: REQUEST_ID })}`,
  `anthropic.APIStatusError: Error code: ${status} - ${pyRepr(type, message)}`,
  `HTTP/2 ${status}\nrequest-id: ${REQUEST_ID}\n\n${JSON.stringify({ type: 'error', error: { type, message } })}`,
  `API Error: ${status} ${JSON.stringify({ type: 'error', error: { type, message } })}`,
];

describe('every documented status and type has a floor no wording removes', () => {
  const pairs = Object.entries(TYPE_STATUS);
  it('covers the errors page (platform.claude.com/docs/en/api/errors, checked 2026-12-07)', () => {
    expect(pairs.map(([t, s]) => `${s} ${t}`).sort()).toEqual(
      ['400 invalid_request_error', '401 authentication_error', '402 billing_error', '403 permission_error', '404 not_found_error', '409 conflict_error', '413 request_too_large', '429 rate_limit_error', '500 api_error', '504 timeout_error', '529 overloaded_error'].sort(),
    );
  });

  it.each(pairs)('%s: a veto-free structural rule fires and the answer is never unknown, whatever the message', async (type, status) => {
    for (const message of ODD_MESSAGES) {
      for (const text of documentedForms(status, type, message)) {
        expect(floors(text), text).not.toEqual([]);
        const d = await doctor.diagnose({ platform: 'test', text });
        expect(d.category, text).not.toBe('unknown');
        expect(d.status, text).toBe(status);
      }
    }
  });
});

/** The Python SDK's classes (anthropic-sdk-python v0.121.0 src/anthropic/_exceptions.py and _client.py) and their statuses. */
const PYTHON_CLASSES: Readonly<Record<string, number>> = {
  BadRequestError: 400,
  AuthenticationError: 401,
  PermissionDeniedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  RequestTooLargeError: 413,
  UnprocessableEntityError: 422,
  RateLimitError: 429,
  InternalServerError: 500,
  ServiceUnavailableError: 503,
  DeadlineExceededError: 504,
  OverloadedError: 529,
};

/** Classes of the installed TypeScript SDK that carry a status, each with a status it is raised for. */
function typescriptClasses(): [string, number][] {
  const found = new Map<string, number>();
  const headers = new Headers({ 'request-id': REQUEST_ID });
  for (let status = 400; status < 600; status++) {
    const error = Anthropic.APIError.generate(status, undefined, undefined, headers);
    if (error.constructor !== Anthropic.APIError && !found.has(error.constructor.name)) found.set(error.constructor.name, status);
  }
  return [...found];
}

describe('every SDK exception class has a floor no wording removes', () => {
  const ts = typescriptClasses();

  it('knows every status class the installed TypeScript SDK exports', () => {
    const parents: unknown[] = [sdk.APIError, sdk.InternalServerError];
    const exported = Object.entries(sdk)
      .filter(([, v]) => typeof v === 'function' && parents.includes(Object.getPrototypeOf(v)))
      .map(([k]) => k);
    // Not status classes: connection failures (checked below) and the caller's own abort (no API answer, no generic diagnosis).
    const statusless = ['APIConnectionError', 'APIConnectionTimeoutError', 'APIUserAbortError'];
    expect(exported.filter((k) => !statusless.includes(k)).sort()).toEqual(ts.map(([k]) => k).sort());
  });

  it.each(ts)('TypeScript %s (%i)', async (name, status) => {
    const text = `${name}: ${status} status code (no body)`;
    expect(floors(text), text).not.toEqual([]);
    expect((await doctor.diagnose({ platform: 'test', text })).category).not.toBe('unknown');
  });

  // SDK 1.x raises a subclass per documented `error.details.error_code` (AlreadyMemberError: 400 {…}).
  const byStatus = new Map(Object.entries(TYPE_STATUS).map(([type, status]) => [status, type]));
  const codeClasses = [...SDK_ERROR_CODE_CLASSES].map(([key, ErrorClass]) => {
    const [status, code] = key.split(' ') as [string, string];
    const type = byStatus.get(Number(status)) ?? (Number(status) >= 500 ? 'api_error' : 'invalid_request_error');
    const body = { type: 'error', error: { type, message: '…', details: { error_code: code } }, request_id: REQUEST_ID };
    return [key, String(new ErrorClass(Number(status), body, undefined, new Headers({ 'request-id': REQUEST_ID })))] as const;
  });

  it('TypeScript 1.x classes per error code, with their body', async () => {
    expect(codeClasses.length).toBeGreaterThan(50);
    const bare: string[] = [];
    for (const [key, text] of codeClasses) {
      const d = await doctor.diagnose({ platform: 'test', text });
      if (floors(text).length === 0 || d.category === 'unknown') bare.push(`${key}: ${text.slice(0, 60)} → ${d.category}`);
    }
    expect(bare).toEqual([]);
  });

  it.each(Object.entries(PYTHON_CLASSES))('Python %s (%i)', async (name, status) => {
    for (const text of [`anthropic.${name}: Error code: ${status}`, `Traceback (most recent call last):\n  File "app.py", line 9, in <module>\nanthropic.${name}: Error code: ${status}`]) {
      expect(floors(text), text).not.toEqual([]);
      expect((await doctor.diagnose({ platform: 'test', text })).category).not.toBe('unknown');
    }
  });

  it.each([
    ['APIConnectionError: Connection error.', 'network.connection'],
    ['anthropic.APITimeoutError: Request timed out.', 'network.timeout'],
    ['APIConnectionTimeoutError: Request timed out.', 'network.timeout'],
    ['anthropic.APIResponseValidationError: Data returned by API invalid for expected schema.', 'network.connection'],
  ])('%s', async (text, category) => {
    expect((await doctor.diagnose({ platform: 'test', text })).category).toBe(category);
  });
});

describe('a backstop is structure only', () => {
  const entry = (rule: Record<string, unknown>) =>
    EntrySchema.safeParse({
      id: 'some-entry',
      category: 'out_of_scope',
      title: 'Some entry title',
      retryable: false,
      match: [{ evidence: 'exact', why: 'a test rule, long enough', examples: ['match/0'], backstop: true, ...rule }],
      cause: 'A cause long enough for the schema.',
      fix: ['Do something.'],
      references: [{ title: 'Errors', url: 'https://platform.claude.com/docs/en/api/errors' }],
      examples: { match: ['an example paste'] },
    });

  it('accepts a status, a type or an SDK class', () => {
    expect(entry({ status: 401, type: 'authentication_error' }).success).toBe(true);
    expect(entry({ sdkException: 'RateLimitError', anthropicEvidence: true }).success).toBe(true);
  });

  it('rejects wording, a veto, or no status / type / class', () => {
    expect(entry({ status: 401, pattern: 'oauth' }).success).toBe(false);
    expect(entry({ status: 401, keywords: ['oauth'] }).success).toBe(false);
    expect(entry({ type: 'authentication_error', unless: 'oauth', blocks: ['match/0'] }).success).toBe(false);
    expect(entry({ status: 401, client: 'claude-code' }).success).toBe(false);
    expect(entry({ anthropicEvidence: true }).success).toBe(false);
  });
});

describe('a bare status shown by a Claude client gets the generic answer for it (issue 13)', () => {
  const answer = async (text: string) => {
    const d = await doctor.diagnose({ platform: 'test', text });
    return { category: d.category, entry: d.entry, status: d.status, confident: d.confidence >= 0.6 };
  };

  it('429: a rate limit, with the rate-limit answer', async () => {
    for (const text of ['Claude statusline now just displays "API Error 429"', 'Anthropic provider failed { reason: "http_error", httpStatus: 429 }', 'HTTP 429 error for claude is back again']) {
      expect(await answer(text), text).toMatchObject({ category: 'rate_limit', entry: 'rate-limit', status: 429, confident: true });
    }
  });

  it('403: access refused, hedged, since the paste does not say who refused it', async () => {
    for (const text of ['Please run /login · API Error: 403 Forbidden (Claude Code)', 'Claude Code: every API call returns 403 status code (no body)']) {
      expect(await answer(text), text).toMatchObject({ category: 'permission', entry: 'permission-denied', status: 403, confident: false });
    }
  });

  it('a specific entry still outranks the generic one', async () => {
    expect((await answer('Claude Code: API Error: Request rejected (429) · Rate limited. Please try again later.')).entry).toBe('rate-limit');
    expect((await answer('API Error: 403 {"type":"error","error":{"type":"permission_error","message":"Your organization has disabled Claude subscription access for Claude Code"}}')).confident).toBe(true);
  });

  it('a number that is not a status, or a paste with no Claude mark, gets no Claude answer', async () => {
    expect((await answer('claude crashed at cli.js line 429')).category).toBe('unknown');
    expect((await answer('API Error 429')).category).toBe('unknown');
  });
});

describe('OAuth token or API key (issue 13)', () => {
  it("answers the API's 401 for an OAuth token it cannot find as a login problem, not a bad key", async () => {
    const text = 'API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"Invalid OAuth token. The provided token was not found or is malformed."}}';
    expect((await doctor.diagnose({ platform: 'test', text })).category).toBe('auth.oauth');
  });

  it('answers "Invalid API key · Please run /login" beside the SDK\'s "Could not resolve authentication method" as a missing credential', async () => {
    const text = 'Invalid API key · Please run /login\n[{"error":"Error: Could not resolve authentication method. Expected either apiKey or authToken to be set."}]';
    expect((await doctor.diagnose({ platform: 'test', text })).category).toBe('auth.missing_key');
    expect((await doctor.diagnose({ platform: 'test', text: 'Invalid API key · Please run /login' })).category).toBe('auth.invalid_key');
  });
});

