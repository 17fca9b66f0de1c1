import type { CompiledRule, FactKind } from '../catalog';
import { type Category, CLIENT_LABELS, SERVER_SIDE_CATEGORIES, type Signals } from '../contracts';
import { CLIENTS } from '../knowledge/clients';
import { PROVIDERS } from '../knowledge/providers';
import { collapseWhitespace } from '../normalize';
import type { ModelIndex } from '../models';
import type { Fact } from './facts';

/**
 * Details a reply names whatever entry answered, because the paste shows them and they decide the
 * case: an IAM denial's role, action and region, a retired model in a paste about something else.
 * When nothing was computed at all, the error's own words stand in as the deciding detail.
 */
export interface PasteContext {
  signals: Signals;
  /** The text the rules read (primary error, one line). */
  text: string;
  models: ModelIndex;
}

// AWS IAM: "User: arn:aws:sts::123456789012:assumed-role/app-ec2-role/i-0abc is not authorized to perform:
// bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-… because no
// identity-based policy allows the bedrock:InvokeModel action". Every part is a bounded character class: linear.
const IAM_DENIAL =
  /arn:aws[a-z-]{0,12}:(?:sts|iam)::\d{0,12}:(assumed-role|role|user)\/([\w+=,.@-]{1,128})[^\s]{0,200}\s+is not authorized to perform:\s*([a-z0-9-]{1,40}:[A-Za-z0-9*]{1,80})(?:\s+on resource:\s*arn:aws[a-z-]{0,12}:[a-z0-9-]{1,40}:([a-z0-9-]{0,30}):\d{0,12}:([^\s"',;]{1,300}))?/i;
const IAM_REASON: ReadonlyArray<[RegExp, string]> = [
  [/because no identity-based policy allows/i, 'no identity-based policy allows it'],
  [/with an explicit deny in a service control policy/i, 'a service control policy denies it'],
  [/with an explicit deny in a permissions boundary/i, 'a permissions boundary denies it'],
  [/with an explicit deny in an identity-based policy/i, 'an identity-based policy denies it'],
];
// A cross-Region inference profile id: the geography prefix before `anthropic.`.
const INFERENCE_PROFILE = /\b(us|eu|apac|jp|au|ca|us-gov|global)\.anthropic\.claude/i;

function iamDenial(text: string): Fact | null {
  const m = IAM_DENIAL.exec(text);
  if (!m) return null;
  const [, kind, name, action, region, resource] = m;
  const who = kind === 'user' ? 'IAM user' : 'role';
  const on = resource ? ` on \`${resource.length > 90 ? `${resource.slice(0, 87)}…` : resource}\`` : '';
  const where = region ? ` in region \`${region}\`` : '';
  const reason = IAM_REASON.find(([re]) => re.test(text))?.[1];
  const brief = `IAM denies it: ${who} \`${name}\` may not call \`${action}\`${on}${where}${reason ? ` (${reason})` : ''}.`;
  const profile = INFERENCE_PROFILE.exec(text)?.[1];
  if (!profile) return { brief };
  // https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html: a request through a
  // cross-Region profile is routed to one of the profile's destination Regions.
  return {
    brief: `${brief} The call went through the \`${profile.toLowerCase()}.\` inference profile, which routes to several regions: allow \`${action}\` on the profile's ARN and on the foundation model in each region it routes to.`,
  };
}

// What a low-level network failure means, for a reply about a connection that never got an HTTP answer.
const NETWORK_FAILURES: ReadonlyArray<[RegExp, string]> = [
  [/NameResolutionError|getaddrinfo|\b(?:ENOTFOUND|EAI_AGAIN)\b|Name or service not known|nodename nor servname/i, 'the host name did not resolve (a DNS failure)'],
  [/\bECONNREFUSED\b|Connection refused/i, 'the connection was refused: nothing answers at that address, or a firewall rejects it'],
  [/\bECONNRESET\b|Connection reset by peer/i, 'the connection was reset on the way, often by a proxy, VPN or firewall'],
  [/\bETIMEDOUT\b|ConnectTimeout|connect(?:ion)? timed? ?out/i, 'the connection timed out before the server answered'],
];

function networkFailure(ctx: PasteContext, category: Category): Fact | null {
  if (category !== 'network.connection' && category !== 'network.timeout') return null;
  for (const [re, meaning] of NETWORK_FAILURES) {
    const m = re.exec(ctx.text);
    if (m) return { brief: `\`${m[0]}\`: ${meaning}.` };
  }
  return null;
}

// "Invalid bearer token", or an `Authorization: Bearer` header in the paste: the API reads a bearer as an
// OAuth token; a Console API key goes in `x-api-key` (https://platform.claude.com/docs/en/api/overview).
const BEARER = /invalid bearer token|["']?authorization["']?\s*:\s*["']?bearer\s/i;

function bearerHeader(ctx: PasteContext, category: Category): Fact | null {
  if (category !== 'auth.invalid_key' || !BEARER.test(ctx.text)) return null;
  return { brief: 'The key went out as `Authorization: Bearer`, which the API reads as an OAuth token; a Console API key goes in the `x-api-key` header.' };
}

// Bedrock names Claude models `anthropic.claude-…` (or with an inference-profile prefix such as `us.`);
// https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html
function bedrockId(ctx: PasteContext): Fact | null {
  const id = ctx.signals.model;
  if (ctx.signals.cloud !== 'bedrock' || !id || !/^claude-/.test(id)) return null;
  return { brief: `\`${id}\` is an Anthropic API model id; Bedrock's ids start with \`anthropic.claude-\` (or an inference-profile prefix such as \`us.anthropic.claude-\`).` };
}

// Claude on Vertex AI is served by the `anthropic` publisher through rawPredict / streamRawPredict;
// https://platform.claude.com/docs/en/build-with-claude/claude-on-vertex-ai
const GOOGLE_PUBLISHER = /publishers\/google\/models\/claude/i;

function vertexPublisher(ctx: PasteContext): Fact | null {
  if (!GOOGLE_PUBLISHER.test(ctx.text)) return null;
  return {
    brief: 'The request asked for Claude under `publishers/google/`; Vertex AI serves Claude under `publishers/anthropic/models/…` through `:rawPredict` (or `:streamRawPredict`).',
  };
}

/** The other provider (catalog/providers.yaml) whose answer an out-of-scope reply is about, by name. */
function otherProvider(ctx: PasteContext, entry: { category: Category; title: string }): Fact | null {
  if (entry.category !== 'out_of_scope' || !ctx.signals.foreignProvider) return null;
  const name = PROVIDERS.file.foreign.find((p) => p.id === ctx.signals.foreignProvider)?.name;
  // An entry for that one provider ("This is an OpenAI API error") already names it.
  if (!name || entry.title.toLowerCase().includes(name.toLowerCase())) return null;
  return { brief: `The paste points at ${name}, not at the Claude API.` };
}

// Hosts a paste links to without being where the error came from: Anthropic's own (a Claude signal
// anyway) and the code hosts an issue template or a stack trace links to.
const NOT_AN_ORIGIN = /(?:^|\.)(?:anthropic\.com|claude\.ai|claude\.com|github\.com|stackoverflow\.com)$/i;
const URL_HOST = /\bhttps?:\/\/([a-z0-9][a-z0-9.-]{0,252}(?::\d{1,5})?)/gi;

/**
 * What an out-of-scope paste shows instead of Claude's API, read from the paste: another service's
 * error envelope, else the first host it was talking to. (A named provider is otherProvider's.)
 */
function pasteOrigin(ctx: PasteContext, entry: { category: Category }): Fact | null {
  if (entry.category !== 'out_of_scope' || ctx.signals.foreignProvider) return null;
  const envelope = PROVIDERS.file.envelopes.find((e) => e.id === ctx.signals.foreignEnvelope)?.name;
  if (envelope) return { brief: `The paste shows ${envelope}: not an error from the Claude API, whose errors read \`{"type":"error","error":{…}}\`.` };
  let seen = 0;
  for (const m of ctx.text.matchAll(URL_HOST)) {
    if (++seen > 20) break;
    const host = m[1]!.replace(/\.$/, '');
    if (NOT_AN_ORIGIN.test(host.replace(/:\d+$/, ''))) continue;
    return { brief: `The paste shows \`${host}\` answering, not the Claude API (\`api.anthropic.com\`).` };
  }
  // No host: the app that printed it is what the user can look at (its provider setting, its own logs).
  const app = ctx.signals.client;
  if (app && APPS.has(app)) return { brief: `${CLIENT_LABELS[app]} printed it: its own error, or the answer of the provider it is set to use — check that provider setting and ${CLIENT_LABELS[app]}'s own log.` };
  return null;
}

const APPS: ReadonlySet<string> = new Set(CLIENTS.groups.get('apps') ?? []);

/** A retired model anywhere in the paste, also when the error is about something else. */
function retiredModel(ctx: PasteContext, entry: { facts: readonly FactKind[]; category: Category }): Fact | null {
  // The nearest-model fact already says it, with the replacement. Bedrock and Vertex AI retire models on
  // their own dates and name them with their own ids, so the API's retirement is not theirs; nor is it
  // another provider's, which lists models under its own names and dates (an out-of-scope answer).
  const cloud = ctx.signals.cloud !== null || entry.category === 'cloud.bedrock' || entry.category === 'cloud.vertex';
  const elsewhere = entry.category === 'out_of_scope' && ctx.signals.foreignProvider !== null;
  if (!ctx.signals.model || cloud || elsewhere || entry.facts.includes('nearest-model')) return null;
  const v = ctx.models.classify(ctx.signals.model);
  if (!v.retired) return null;
  return { brief: `\`${ctx.signals.model}\` was retired on ${v.retired.date}; its official replacement is \`${v.retired.replacement}\`.` };
}

const QUOTE_MAX = 160;

const WORD = /[a-z0-9]{3,}/g;
const wordsOf = (s: string): string[] => s.toLowerCase().match(WORD) ?? [];

/** Headlines are the catalogue's titles: each one's words are read once, not once per paste. */
const headlineWords = new Map<string, ReadonlySet<string>>();

function wordsOfHeadline(headline: string): ReadonlySet<string> {
  let words = headlineWords.get(headline);
  if (words === undefined) {
    words = new Set(wordsOf(headline));
    if (headlineWords.size < 2000) headlineWords.set(headline, words);
  }
  return words;
}

/**
 * The error's own message (or exception), when nothing else names what the paste shows — unless
 * the headline already says all it says ("Overloaded" under "The API is overloaded (529)").
 */
export function quotedError(signals: Signals, headline: string): string | null {
  const message = signals.message ? collapseWhitespace(signals.message).trim() : undefined;
  const exception = signals.sdkException && !signals.status ? `\`${signals.sdkException}\`` : null;
  const told = wordsOfHeadline(headline);
  if (!message || wordsOf(message).every((w) => told.has(w))) return exception ? `The error is ${exception}.` : null;
  const space = message.lastIndexOf(' ', QUOTE_MAX - 1);
  const cut = message.length > QUOTE_MAX ? `${message.slice(0, space > 80 ? space : QUOTE_MAX - 1)}…` : message;
  const stop = /[.!?…]$/.test(cut) ? '' : '.';
  return `${exception ? `${exception}: ` : 'The error says: '}“${cut.replace(/[“”]/g, '"')}${stop}”`;
}

// Claude Code's banner for a server error behind a gateway: "… If it persists, check your inference gateway (host)."
const GATEWAY = /check your inference gateway \(([\w.:-]{3,120})\)/i;
export const SURFACES = { bedrock: 'Amazon Bedrock', vertex: 'Google Vertex AI' } as const;

/** A server-side error that came through a cloud or a gateway is that service's own: say whose. */
function surface(ctx: PasteContext, category: Category): Fact | null {
  if (!SERVER_SIDE_CATEGORIES.has(category)) return null;
  const gateway = GATEWAY.exec(ctx.text)?.[1];
  if (gateway) return { brief: `It came through your inference gateway \`${gateway}\`: the failure may be the gateway's own, so check its logs too.` };
  if (!ctx.signals.cloud) return null;
  const name = SURFACES[ctx.signals.cloud];
  return { brief: `It came through ${name}, whose own infrastructure answered: check ${name}'s status and quotas as well as Anthropic's.` };
}

const EXCERPT_BEFORE = 50;
const EXCERPT_AFTER = 90;

/** Markup says nothing to a reader: an HTML error page keeps only its words (its <title>). */
const readable = (raw: string) => collapseWhitespace(raw.replace(/<[^<>]{0,300}>|<!--|-->|#{2,6} /g, ' '));

/** Where the winning rule matched (or its first keyword is): [start, length]. */
function located(text: string, rule: CompiledRule): [number, number] | null {
  const m = rule.pattern?.exec(text);
  if (m) return [m.index, m[0].length];
  const lower = text.toLowerCase();
  let best: [number, number] | null = null;
  for (const k of [...(rule.keywords ?? []), ...(rule.allKeywords ?? [])]) {
    const i = lower.indexOf(k);
    if (i >= 0 && (best === null || i < best[0])) best = [i, k.length];
  }
  return best;
}

/** The words around [at, at + length): from the start of their sentence when it is near, cut at word ends. */
function excerptAt(text: string, at: number, length: number): string | null {
  const sentence = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('? ', at), text.lastIndexOf('! ', at));
  const fromSentence = sentence >= 0 && at - sentence <= EXCERPT_BEFORE * 2;
  let start = fromSentence ? sentence + 2 : Math.max(0, at - EXCERPT_BEFORE);
  if (!fromSentence && start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, at + length + EXCERPT_AFTER);
  if (end < text.length) end = Math.max(at + length, text.lastIndexOf(' ', end));
  const piece = text.slice(start, end).replace(/[`*“”]/g, '').trim();
  if (!piece) return null;
  return `${start > 0 && !fromSentence ? '…' : ''}${piece}${end < text.length ? '…' : ''}`;
}

/**
 * The words of the paste that decided the answer: the winning rule's match (or its first keyword)
 * within its sentence. For pastes whose error has no JSON message to quote.
 */
function excerpt(raw: string, rule: CompiledRule): string | null {
  const text = readable(raw);
  const at = located(text, rule);
  return at ? excerptAt(text, ...at) : null;
}

/** For a paste no rule recognised: the first words that sound like an error, so the user sees what was read. */
const ERRORISH = /\b(?:error|failed|failure|invalid|unsupported|not (?:found|allowed|supported)|denied|refused|exception|unable|cannot)\b|\b\w{1,40}(?:Error|Exception|Timeout)\b/i;

export function errorishExcerpt(raw: string): string | null {
  const text = readable(raw);
  const m = ERRORISH.exec(text);
  return m ? excerptAt(text, m.index, m[0].length) : null;
}

export interface DecidingDetails {
  /** Facts that decide the case (an IAM denial): with them, the error needs no quoting. */
  deciding: Fact[];
  /** Worth a line whatever else is said (a retired model, a cloud or gateway in between). */
  also: Fact[];
}

/** A fact that was found (a module function, not a closure named on every call under tsx). */
function present(f: Fact | null): f is Fact {
  return f !== null;
}

/** The paste's own deciding details, for every entry (see the module comment). */
export function pasteDetails(ctx: PasteContext, entry: { facts: readonly FactKind[]; category: Category; title: string }): DecidingDetails {
  return {
    deciding: [iamDenial(ctx.text), networkFailure(ctx, entry.category), bearerHeader(ctx, entry.category), bedrockId(ctx), vertexPublisher(ctx)].filter(present),
    also: [otherProvider(ctx, entry), pasteOrigin(ctx, entry), retiredModel(ctx, entry), surface(ctx, entry.category)].filter(present),
  };
}

/**
 * The error in its own words, when nothing computed names it: its JSON message (or exception),
 * else the words the winning rule matched.
 */
export function errorInItsWords(signals: Signals, headline: string, text: string, rule: CompiledRule | null): string | null {
  const quoted = quotedError(signals, headline);
  if (quoted || signals.message || !rule) return quoted;
  // A scope rule reads structure, not words: the first words that sound like an error stand in.
  const words = excerpt(text, rule) ?? (rule.scope ? errorishExcerpt(text) : null);
  return words ? `From your paste: “${words}”` : null;
}
