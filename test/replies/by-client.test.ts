import { describe, expect, it } from 'vitest';
import { EntrySchema, namedPatterns } from '../../src/catalog';
import { compileEntry } from '../../src/catalog/compile';
import { EMPTY_SIGNALS, ReplyDocumentSchema, type Signals } from '../../src/contracts';
import { loadModels, ModelIndex } from '../../src/models';
import { type DocumentContext, entryDocument, modelDocument, renderDetailsMarkdown, renderReplyMarkdown, unknownDocument } from '../../src/render';
import { fillPlaceholders, placeholderValues } from '../../src/render/placeholders';
import { orderForReply } from '../../src/render/reply-budget';
import { echoesPaste, pickSnippet } from '../../src/render/snippet';
import { clientQuestion, stepsFor } from '../../src/render/steps';

const models = new ModelIndex(loadModels());

/** A rate-limit-like entry whose steps are tagged the way the catalogue tags them (issue 11, part b). */
function entry(over: { fix?: unknown[]; snippets?: Record<string, unknown> } = {}) {
  const parsed = EntrySchema.parse({
    id: 'by-client-test',
    category: 'out_of_scope',
    title: 'The by-client test entry',
    retryable: true,
    match: [{ pattern: 'by client test', evidence: 'exact', why: 'a test rule for rendering by client', examples: ['match/0'] }],
    cause: 'A cause long enough for the schema, said once.',
    fix: over.fix ?? [
      'Wait for retry-after, then retry.',
      { step: 'In Claude Code, run /usage to see your limits.', for: ['claude-code'] },
      { step: 'Raise max_retries on the SDK client.', for: ['sdk'] },
      { step: 'In Cursor, pick another model in Settings → Models.', for: ['cursor'] },
      'Lower concurrency so requests are spread out.',
    ],
    snippets: over.snippets ?? {},
    references: [
      { title: 'Rate limits', url: 'https://platform.claude.com/docs/en/api/rate-limits' },
      { title: 'Errors', url: 'https://platform.claude.com/docs/en/api/errors' },
    ],
    examples: { match: ['by client test paste'] },
  });
  return compileEntry(parsed, namedPatterns()).entry;
}

function ctx(client: DocumentContext['client'], signals: Partial<Signals> = {}, text = 'by client test'): DocumentContext {
  return {
    signals: { ...EMPTY_SIGNALS, ...signals },
    status: null,
    type: null,
    client,
    text,
    pasteLower: text.toLowerCase(),
    now: new Date('2026-12-07T12:00:00Z'),
    models,
    notes: [],
    privateNotes: [],
    operatorNotes: [],
    alternatives: [],
    rule: null,
    source: 'rules',
    confidence: 0.95,
    model: null,
  };
}

describe('steps by client', () => {
  it("keeps the universal steps and the client's own, never another client's", () => {
    const fix = entry().fix;
    expect(stepsFor(fix, 'python').steps).toEqual(['Wait for retry-after, then retry.', 'Raise max_retries on the SDK client.', 'Lower concurrency so requests are spread out.']);
    expect(stepsFor(fix, 'claude-code').steps).toEqual(['Wait for retry-after, then retry.', 'In Claude Code, run /usage to see your limits.', 'Lower concurrency so requests are spread out.']);
    expect(stepsFor(fix, 'cursor').steps).toContain('In Cursor, pick another model in Settings → Models.');
    expect(stepsFor(fix, 'curl').steps).toEqual(['Wait for retry-after, then retry.', 'Lower concurrency so requests are spread out.']);
  });

  it('with no client known, shows the universal steps and asks which client it is', () => {
    const { steps, withheldFor } = stepsFor(entry().fix, null);
    expect(steps).toEqual(['Wait for retry-after, then retry.', 'Lower concurrency so requests are spread out.']);
    expect(clientQuestion(withheldFor)).toBe("Which are you using: Claude Code, an SDK or Cursor? Reply with its name and I'll give you the steps for it.");
    expect(clientQuestion(['cursor'])).toBe("Are you using Cursor? Reply with the client you use and I'll give you the steps for it.");
    expect(clientQuestion([])).toBeNull();
  });

  it("asks about a step for all code as one choice, not the twelve clients of the `code` group", () => {
    const fix = entry({ fix: ['Wait a minute and try again.', { step: 'From code, back off with jitter.', for: ['code'] }, { step: 'In Claude Code, run /model.', for: ['claude-code'] }] }).fix;
    expect(clientQuestion(stepsFor(fix, null).withheldFor)).toBe("Which are you using: your own code or Claude Code? Reply with its name and I'll give you the steps for it.");
  });

  it('renders both parts for the client: no other client’s step anywhere, the question only when the client is unknown', () => {
    const e = entry();
    for (const client of ['python', 'claude-code', 'cursor', 'curl'] as const) {
      const doc = entryDocument(e, ctx(client));
      const both = `${renderReplyMarkdown(doc)}\n${renderDetailsMarkdown(doc)}`;
      for (const step of e.fix) if (step.for && !step.for.includes(client)) expect(both).not.toContain(step.text);
      expect(doc.question).toBeNull();
    }
    const unknown = entryDocument(e, ctx(null));
    expect(renderReplyMarkdown(unknown)).toContain('Which are you using: Claude Code, an SDK or Cursor?');
    expect(`${renderReplyMarkdown(unknown)}\n${renderDetailsMarkdown(unknown)}`).not.toMatch(/Claude Code, run|max_retries|Settings → Models/);
  });

  it('numbers the details on from the first message, links the first reference once and the other in the details', () => {
    const doc = entryDocument(entry({ fix: ['First step here.', 'Second step here.', 'Third step here.', 'Fourth step here.'] }), ctx('python'));
    const reply = renderReplyMarkdown(doc);
    const details = renderDetailsMarkdown(doc);
    expect(reply).toMatch(/^1\. First step here\.\n2\. Second step here\.\n3\. Third step here\.$/m);
    expect(details).toMatch(/^\*\*More steps:\*\*\n4\. Fourth step here\.$/m);
    expect(reply).toContain('[Rate limits](https://platform.claude.com/docs/en/api/rate-limits)');
    expect(details).not.toContain('rate-limits');
    expect(details).toContain('[Errors](https://platform.claude.com/docs/en/api/errors)');
    expect(reply).not.toContain('A cause long enough');
    expect(details).toContain('**Why:** A cause long enough for the schema, said once.');
  });

  it("puts the client's own step in the first message even when generic steps would fill it", () => {
    const long = `In Claude Code, run \`/compact\` and \`/context\`. ${'More words about it. '.repeat(14)}`;
    const e = entry({ fix: ['Make the input smaller, and count it first with the token counting endpoint.', { step: long, for: ['claude-code'] }, 'Use a model with a larger window.'] });
    const doc = entryDocument(e, ctx('claude-code'));
    expect(doc.fix.slice(0, doc.replySteps)).toContain(long.trim());
    expect(renderReplyMarkdown(doc)).toContain('/compact');
  });

  it("does not let a step for a whole group (`code`, `sdk`) push out a universal first step, as a step for this one client does", () => {
    const fix = [
      'Wait a minute and try again.',
      { step: 'The official SDKs already retried twice before raising this error.', for: ['sdk'] },
      { step: 'For bulk work use the Message Batches API.', for: ['code'] },
      { step: 'If urgent, fall back to another Claude model.', for: ['code'] },
      'Check https://status.claude.com for an incident.',
    ];
    // A Python user is in `sdk` and `code`: those steps are advice for everyone there, in the author's order.
    const python = entryDocument(entry({ fix }), ctx('python'));
    expect(python.fix.slice(0, python.replySteps)).toEqual([
      'Wait a minute and try again.',
      'The official SDKs already retried twice before raising this error.',
      'For bulk work use the Message Batches API.',
    ]);
    // A step written for this client alone still takes the place of a generic one.
    const cursor = entryDocument(entry({ fix: [...fix.slice(0, 1), 'Generic two.', 'Generic three.', { step: 'In Cursor, pick another model in Settings → Models.', for: ['cursor'] }] }), ctx('cursor'));
    expect(cursor.fix.slice(0, cursor.replySteps)).toContain('In Cursor, pick another model in Settings → Models.');
    expect(stepsFor(entry({ fix }).fix, 'python').own.size).toBe(0);
  });

  it("lets a group's step take a later universal step's place, never the lead", () => {
    const universal = ['Wait the seconds in retry-after, then retry.', 'Cut input tokens per minute with prompt caching.', 'Spread requests out over the minute.'];
    const apps = { step: 'Apps resend the whole conversation on every turn: start a new chat.', for: ['apps'] };
    const doc = entryDocument(entry({ fix: [...universal, apps] }), ctx('cherry-studio'));
    expect(doc.fix.slice(0, doc.replySteps)).toEqual([universal[0], universal[1], apps.step]);
    // With room for two steps only, the lead stays and the group's step takes the second place.
    const room = universal[0]!.length + apps.step.length;
    const { steps, own, group } = stepsFor(entry({ fix: [...universal, apps] }).fix, 'cherry-studio');
    const ordered = orderForReply(steps, { lower: '', cloud: null, own, group }, room);
    expect(ordered.steps.slice(0, ordered.replySteps)).toEqual([universal[0], apps.step]);
  });

  it("reads a step's audience from catalog/clients.yaml: a client's id or a family group makes it theirs, a broad group only advice", () => {
    const fix = entry({
      fix: [
        'Universal step.',
        { step: 'Cline, Roo Code, Kilo Code: start a new task.', for: ['cline-family'] },
        { step: 'Apps resend the whole chat: start a new one.', for: ['apps'] },
        { step: 'Claude Code or your code: lower the parallel requests.', for: ['claude-code', 'code'] },
        { step: 'On Bedrock or Vertex AI, check the platform quota.', for: ['cloud'] },
      ],
    }).fix;
    // A family of three is Roo Code's own; `apps` (twelve products) is advice for all of them.
    const roo = stepsFor(fix, 'roo-code');
    expect([...roo.own]).toEqual(['Cline, Roo Code, Kilo Code: start a new task.']);
    expect([...roo.group]).toEqual(['Apps resend the whole chat: start a new one.']);
    // One step, two audiences: Claude Code is named by its id, Python only through `code`.
    expect(stepsFor(fix, 'claude-code').own.has('Claude Code or your code: lower the parallel requests.')).toBe(true);
    expect(stepsFor(fix, 'python').group.has('Claude Code or your code: lower the parallel requests.')).toBe(true);
    expect(stepsFor(fix, 'bedrock').own.has('On Bedrock or Vertex AI, check the platform quota.')).toBe(true);
  });

  it('lets a step that names an identifier of the paste into the first message, in place of a generic one', () => {
    const steps = ['Generic one.', 'Generic two.', 'Generic three.', 'Run your `apiKeyHelper` script by hand.', 'Mention `claude` only.'];
    const promoted = orderForReply(steps, { lower: 'it wrote apikeyhelper into settings', cloud: null });
    expect(promoted.replySteps).toBe(3);
    expect(promoted.steps.slice(0, promoted.replySteps)).toEqual(['Generic one.', 'Generic two.', 'Run your `apiKeyHelper` script by hand.']);
    expect(promoted.steps.slice(promoted.replySteps)).toEqual(['Generic three.', 'Mention `claude` only.']);
    // A plain word in backticks is no identifier: `claude` is in most pastes.
    expect(orderForReply(steps, { lower: 'claude says no', cloud: null }).steps.slice(0, 3)).toEqual(steps.slice(0, 3));
    expect(orderForReply(['A.', 'B.', 'C.', 'On Amazon Bedrock, check the region.'], { lower: '', cloud: 'bedrock' }).steps.slice(0, 3)).toContain('On Amazon Bedrock, check the region.');
  });
});

describe('documents', () => {
  it('carry every field of the contract and nothing else, for an entry, a model answer and an unknown paste', () => {
    const fields = Object.keys(ReplyDocumentSchema.shape).sort();
    const docs = [entryDocument(entry(), ctx('python')), entryDocument(entry(), ctx(null)), modelDocument({ explanation: 'An explanation.', fix: [] }, ctx(null)), unknownDocument(ctx(null), null)];
    for (const doc of docs) {
      expect(Object.keys(doc).sort()).toEqual(fields);
      expect(ReplyDocumentSchema.strict().safeParse(doc).success).toBe(true);
    }
  });
});

describe('snippets', () => {
  it('are labelled by what they run, never "curl" for another command', () => {
    const aws = entry({ snippets: { curl: '# the quotas of your account\naws service-quotas list-service-quotas --service-code bedrock', python: 'x = 1', typescript: 'x', 'claude-code': 'x' } });
    expect(pickSnippet(aws, 'curl')!.label).toBe('AWS CLI');
    const pip = entry({ snippets: { curl: 'pip install -U "anthropic>=0.40"' } });
    expect(pickSnippet(pip, 'curl')!.label).toBe('pip');
    const real = entry({ snippets: { curl: 'curl -s https://api.anthropic.com/v1/models -H "x-api-key: $ANTHROPIC_API_KEY"' } });
    expect(pickSnippet(real, 'curl')!.label).toBe('curl');
    const labelled = entry({ snippets: { curl: { code: 'gcloud config get-value project', label: 'gcloud (your project)' } } });
    expect(pickSnippet(labelled, 'curl')!.label).toBe('gcloud (your project)');
  });

  it("are left out when the user already ran them (their own command is in the paste)", () => {
    const snippet = { key: 'curl' as const, language: 'bash', label: 'curl', code: '# -i shows the headers\ncurl -i https://api.anthropic.com/v1/messages \\\n  -H "x-api-key: $ANTHROPIC_API_KEY"' };
    expect(echoesPaste(snippet, '$ curl -i https://api.anthropic.com/v1/messages -h "x-api-key: …" http/2 429')).toBe(true);
    expect(echoesPaste(snippet, 'anthropic.ratelimiterror: error code: 429')).toBe(false);
  });

  it('are judged by their own first command each time, also after another snippet was judged (first commands are remembered per snippet)', () => {
    const curl = { key: 'curl' as const, language: 'bash', label: 'curl', code: 'curl -s https://api.anthropic.com/v1/models' };
    const aws = { key: 'curl' as const, language: 'bash', label: 'AWS CLI', code: '# quotas\naws service-quotas list-service-quotas --service-code bedrock' };
    const paste = '$ aws service-quotas list-service-quotas --service-code bedrock → accessdeniedexception';
    for (let round = 0; round < 2; round++) {
      expect(echoesPaste(curl, paste)).toBe(false);
      expect(echoesPaste(aws, paste)).toBe(true);
      expect(echoesPaste(aws, 'curl -s https://api.anthropic.com/v1/models')).toBe(false);
      expect(echoesPaste(curl, 'curl -s https://api.anthropic.com/v1/models')).toBe(true);
    }
  });

  it("get the user's own model, max_tokens and region in place of their placeholders", () => {
    const code = 'client.messages.create(model="{{model|claude-sonnet-5-5}}", max_tokens={{max_tokens|1024}})\nregion = "{{region|us-east-1}}"';
    expect(fillPlaceholders(code, {})).toBe('client.messages.create(model="claude-sonnet-5-5", max_tokens=1024)\nregion = "us-east-1"');
    expect(fillPlaceholders(code, { model: 'claude-opus-5-5', max_tokens: '8192', region: 'eu-west-1' })).toBe('client.messages.create(model="claude-opus-5-5", max_tokens=8192)\nregion = "eu-west-1"');
    // Only values of the expected shape go into code; an AWS region never fills a Google Cloud location's place.
    expect(fillPlaceholders(code, { model: 'x"; rm -rf /', max_tokens: '12abc' })).toContain('model="claude-sonnet-5-5", max_tokens=1024');
    expect(fillPlaceholders('location = "{{region|us-east5}}"', { region: 'eu-west-1' })).toBe('location = "us-east5"');
    expect(fillPlaceholders('location = "{{region|us-east5}}"', { region: 'europe-west4' })).toBe('location = "europe-west4"');
  });

  it('take the values from the paste: a valid model as sent, a mistaken one as the reply suggests it, max_tokens capped at the limit named', () => {
    const signals = (model: string | null) => ({ ...EMPTY_SIGNALS, model });
    expect(placeholderValues(signals('claude-sonnet-4-6'), 'max_tokens=4096', models)).toEqual({ model: 'claude-sonnet-4-6', max_tokens: '4096' });
    expect(placeholderValues(signals('claude-sonnet-4.6'), '', models).model).toBe('claude-sonnet-4-6');
    expect(placeholderValues(signals('claude-3-5-sonnet-latest'), '', models).model).toBe('claude-sonnet-4-6');
    expect(placeholderValues(signals(null), 'max_tokens: 128001 > 64000, which is the maximum', models).max_tokens).toBe('64000');
    expect(placeholderValues(signals(null), 'arn:aws:bedrock:eu-central-1::foundation-model/x', models).region).toBe('eu-central-1');
  });

  it("carry the paste's values into the answer's snippet", () => {
    const e = entry({ snippets: { python: 'client.messages.create(model="{{model|claude-sonnet-5-5}}", max_tokens={{max_tokens|1024}})' } });
    const doc = entryDocument(e, ctx('python', { model: 'claude-opus-5-5' }, 'by client test max_tokens=2048'));
    expect(doc.snippet!.code).toBe('client.messages.create(model="claude-opus-5-5", max_tokens=2048)');
  });
});
