import { type ClientId, type Diagnosis, DiagnosisSchema, EMPTY_SIGNALS, type Inquiry, type ReplyDocument } from '../../../src/contracts';
import type { Doctor } from '../../../src/ports';
import { renderDetailsMarkdown, renderReplyMarkdown } from '../../../src/render';

/**
 * A stand-in for the core for the few tests the real one cannot serve: it echoes the (redacted)
 * paste as a fact, so escaping can be checked end to end, and `diagnosisFor(..., true)` builds a
 * 20,000-character answer. It keeps the Doctor contract: `sk-ant-…` is masked and a private note
 * asks to rotate; a follow-up naming a client is re-rendered, anything else is a new paste.
 */
export class SyntheticDoctor implements Doctor {
  async diagnose(inquiry: Inquiry): Promise<Diagnosis> {
    return diagnosisFor(inquiry);
  }

  async followUp(previous: Diagnosis, inquiry: Inquiry): Promise<Diagnosis> {
    const client = namedClient(inquiry.text);
    return client ? this.renderFor(previous, client) : this.diagnose(inquiry);
  }

  renderFor(previous: Diagnosis, client: ClientId): Diagnosis {
    const snippet = SNIPPETS[client] ?? SNIPPETS.curl!;
    return {
      ...previous,
      client,
      document: { ...previous.document, snippet, support: { ...previous.document.support, client } },
    };
  }
}

const KEY = /sk-ant-[A-Za-z0-9_-]{8,}/g;

function namedClient(text: string): ClientId | null {
  const t = text.trim().toLowerCase();
  if (t.length > 40) return null;
  if (/python/.test(t)) return 'python';
  if (/node|typescript|\bts\b|javascript/.test(t)) return 'typescript';
  if (/curl/.test(t)) return 'curl';
  return null;
}

const SNIPPETS: Partial<Record<ClientId, ReplyDocument['snippet']>> = {
  python: {
    key: 'python',
    language: 'python',
    label: 'Python SDK',
    code: 'import anthropic\n\nclient = anthropic.Anthropic(max_retries=5)  # retries 429 with backoff, honours retry-after',
  },
  typescript: {
    key: 'typescript',
    language: 'ts',
    label: 'TypeScript / Node SDK',
    code: "import Anthropic from '@anthropic-ai/sdk';\n\nconst client = new Anthropic({ maxRetries: 5 });",
  },
  curl: {
    key: 'curl',
    language: 'bash',
    label: 'curl',
    code: 'curl -sS https://api.anthropic.com/v1/messages -H "x-api-key: $ANTHROPIC_API_KEY" -H "anthropic-version: 2023-06-01" -i | grep -i retry-after',
  },
};

/** A realistic 429 diagnosis; the paste is echoed (redacted) as a fact, as the core may do. */
export function diagnosisFor(inquiry: Inquiry, long = false): Diagnosis {
  const redacted = inquiry.text.replace(KEY, 'sk-ant-…[REDACTED]');
  const secret = redacted !== inquiry.text;
  const images = inquiry.images?.length ?? 0;
  const cause = long
    ? `${'Your organisation sent more requests per minute than its tier allows. '.repeat(160)}END-OF-CAUSE`
    : 'Your organisation sent more requests per minute than its rate limit allows.';
  const snippet = long
    ? { ...SNIPPETS.curl!, code: `${Array.from({ length: 220 }, (_, i) => `echo "retry attempt ${i} <backoff> & wait"`).join('\n')}\n# END-OF-SNIPPET` }
    : (SNIPPETS.curl ?? null);
  const document: ReplyDocument = {
    headline: 'Rate limited (HTTP 429 rate_limit_error)',
    severity: 'warning',
    statusLine: 'HTTP 429 · rate_limit_error',
    verdict: [`You pasted: ${redacted.slice(0, 300)}`],
    cause,
    facts: ['retry-after: 20 s'],
    fix: ['Wait for the retry-after time, then retry.', 'Add exponential backoff with jitter.', 'Ask for a higher tier if this keeps happening.'],
    replySteps: 2,
    question: null,
    snippet,
    retryable: true,
    support: { requestId: 'req_011CSHoEeqs5C35K2UUqR7Fy', model: null, client: null, status: 429, type: 'rate_limit_error' },
    references: [{ title: 'Rate limits', url: 'https://platform.claude.com/docs/en/api/rate-limits' }],
    notes: images > 0 ? ['I could not read your screenshot (image reading is not available yet), so this answer uses the text only.'] : [],
    privateNotes: secret ? ['You pasted an Anthropic API key. Treat it as leaked: rotate it in the Claude Console now.'] : [],
    alternatives: [],
    provenance: { source: 'rules', entry: 'rate-limit', confidence: 0.93, model: null },
    operatorNotes: [],
  };
  return DiagnosisSchema.parse({
    status: 429,
    type: 'rate_limit_error',
    category: 'rate_limit',
    entry: 'rate-limit',
    confidence: 0.93,
    source: 'rules',
    title: document.headline,
    reply: renderReplyMarkdown(document),
    details: renderDetailsMarkdown(document),
    signals: { ...EMPTY_SIGNALS, status: 429, type: 'rate_limit_error', requestId: 'req_011CSHoEeqs5C35K2UUqR7Fy' },
    warnings: [...(secret ? (['secret-detected'] as const) : []), ...(images > 0 ? (['image-not-read'] as const) : [])],
    client: null,
    retryable: true,
    candidates: [{ entry: 'rate-limit', category: 'rate_limit', confidence: 0.93 }],
    model: null,
    document,
  });
}
