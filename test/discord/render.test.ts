import { beforeAll, describe, expect, it } from 'vitest';
import { renderDetails, renderReply, SEVERITY_COLOURS } from '../../adapters/discord/render';
import { defuse, fenceSafe, splitMarkdown } from '../../adapters/discord/markdown';
import type { ReplyDocument } from '../../src/contracts';
import { createDoctor } from '../../src/doctor';
import { messageLimitProblems } from '../fakes/discord';
import { document529 } from './support/doctors';

/** Rendering is pure; the documents come from the real core so the tests see what users will. */
let real529: ReplyDocument;
beforeAll(async () => {
  real529 = await document529();
});
const doc529 = (): ReplyDocument => structuredClone(real529);
const allText = (r: ReturnType<typeof renderReply>) => JSON.stringify(r);

describe('renderReply', () => {
  it('renders the first message as one embed: title, severity colour, verdict and the first steps, one link, the entry id, buttons', () => {
    const doc = doc529();
    const { messages, privateFollowUp } = renderReply(doc, { audience: 'public', feedback: true, more: { key: '0123456789abcdef', ephemeral: false } });
    expect(messages).toHaveLength(1);
    const [embed] = messages[0]!.embeds;
    expect(embed!.title).toBe(doc.headline);
    expect(embed!.color).toBe(SEVERITY_COLOURS.warning);
    expect(embed!.description).toContain(`1. ${doc.fix[0]}`);
    expect(embed!.description).toContain(`](${doc.references[0]!.url})`);
    // The rest waits for "More detail": the cause, the long snippet, the support summary.
    expect(embed!.description).not.toContain(doc.cause.slice(0, 40));
    expect(embed!.description).not.toContain('```');
    expect(embed!.fields).toBeUndefined();
    expect(embed!.footer!.text).toBe('entry overloaded');
    expect(JSON.stringify(embed)).not.toMatch(/confidence|\d+ ?%/);
    expect(messages[0]!.components![0]!.components.map((b) => b.custom_id)).toEqual(['ced:more:0123456789abcdef', 'ced:fb:up:overloaded', 'ced:fb:down:overloaded']);
    expect(privateFollowUp).toBeNull();
    expect(messageLimitProblems(messages[0])).toEqual([]);
  });

  it('renders the details: cause, the other steps numbered on, snippet in a code block, retry, support and references', () => {
    const doc = doc529();
    const [message, ...rest] = renderDetails(doc);
    expect(rest).toHaveLength(0);
    const [embed] = message!.embeds;
    expect(embed!.description).toContain(doc.cause.slice(0, 40));
    expect(embed!.description).toContain(`**More steps**\n${doc.replySteps + 1}. ${doc.fix[doc.replySteps]}`);
    expect(embed!.description).toContain(`\`\`\`python\n${doc.snippet!.code}\n\`\`\``);
    expect(embed!.fields!.find((f) => f.name === 'Retry?')!.value).toMatch(/^Yes/);
    expect(embed!.fields!.find((f) => f.name === 'For support')!.value).toContain('`req_011CUaKf2ZS7Xp4q9Yv3nRtL`');
    expect(embed!.fields!.find((f) => f.name === 'For support')!.value).toContain('HTTP 529 · overloaded_error');
    expect(message!.components).toBeUndefined();
    expect(messageLimitProblems(message)).toEqual([]);
  });

  it('never puts private notes in a public answer or its details; they go to a separate message for the asker', () => {
    const doc = { ...doc529(), privateNotes: ['You pasted an API key: rotate it now.'] };
    const { messages, privateFollowUp } = renderReply(doc, { audience: 'public', feedback: true });
    expect(JSON.stringify(messages)).not.toContain('rotate');
    expect(JSON.stringify(renderDetails(doc))).not.toContain('rotate');
    expect(privateFollowUp!.content).toContain('rotate it now');
  });

  it('leads with the private notes when only the asker sees the answer (ephemeral or DM)', () => {
    const doc = { ...doc529(), privateNotes: ['You pasted an API key: rotate it now.'] };
    const { messages, privateFollowUp } = renderReply(doc, { audience: 'private', feedback: false });
    expect(messages[0]!.embeds[0]!.description).toMatch(/^🔒 \*\*Only you can see this\.\*\* You pasted an API key: rotate it now\./);
    expect(privateFollowUp).toBeNull();
    expect(messages[0]!.components).toBeUndefined();
  });

  it('keeps 10,000 characters of details within every Discord limit without losing text', () => {
    const cause = Array.from({ length: 250 }, (_, i) => `Sentence ${i} explains one more detail of the overload.`).join(' ').slice(0, 10_000);
    const doc: ReplyDocument = {
      ...doc529(),
      headline: 'H'.repeat(600),
      cause: `${cause} THE-END`,
      facts: Array.from({ length: 80 }, (_, i) => `fact ${i}: ${'y'.repeat(50)}`),
      fix: Array.from({ length: 40 }, (_, i) => `step ${i} ${'z'.repeat(80)}`),
      snippet: { key: 'python', language: 'python', label: 'Python SDK', code: Array.from({ length: 200 }, (_, i) => `x${i} = call(${i})`).join('\n') },
    };
    const messages = renderDetails(doc, { maxMessages: 10 });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(messageLimitProblems(m)).toEqual([]);
    const text = JSON.stringify(messages);
    expect(text).toContain('THE-END');
    expect(text).toContain('fact 79');
    expect(text).toContain('step 39');
    expect(text).toContain('x199 = call(199)');
    // Every description chunk opens and closes its code blocks.
    for (const m of messages) for (const e of m.embeds) expect(((e.description ?? '').match(/```/g) ?? []).length % 2).toBe(0);
    expect(messages.at(-1)!.embeds.at(-1)!.footer).toBeDefined();
    // The first message stays one short embed, whatever the details hold.
    const first = renderReply(doc, { audience: 'public', feedback: true });
    expect(first.messages).toHaveLength(1);
    expect(first.messages[0]!.embeds[0]!.title!.length).toBeLessThanOrEqual(256);
  });

  it('cuts details longer than the message cap and says so', () => {
    const doc: ReplyDocument = { ...doc529(), cause: 'w '.repeat(40_000) };
    const messages = renderDetails(doc, { maxMessages: 2 });
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(messageLimitProblems(m)).toEqual([]);
    expect(JSON.stringify(messages[1])).toContain('longer than Discord allows');
  });

  it('defuses mentions and masked links that a paste or screenshot could carry', () => {
    const doc: ReplyDocument = { ...doc529(), notes: ['Read from your screenshot: @everyone [login](https://evil.example) <@123456789012345678>'] };
    const description = renderReply(doc, { audience: 'public', feedback: false }).messages[0]!.embeds[0]!.description!;
    expect(description).not.toContain('@everyone');
    expect(description).not.toContain('](https://evil');
    expect(description).not.toMatch(/<@\d/);
  });

  it('renders the "no match" answer without a snippet, and its details without a retry field', async () => {
    const doc = (await createDoctor().diagnose({ platform: 'test', text: 'hello' })).document;
    const { messages } = renderReply(doc, { audience: 'public', feedback: true });
    expect(messages[0]!.embeds[0]!.color).toBe(SEVERITY_COLOURS.info);
    expect(messages[0]!.embeds[0]!.description).not.toContain('```');
    expect(messages[0]!.embeds[0]!.footer).toBeUndefined();
    expect(messages[0]!.components![0]!.components[0]!.custom_id).toBe('ced:fb:up:-');
    expect(renderDetails(doc)[0]!.embeds[0]!.fields?.some((f) => f.name === 'Retry?') ?? false).toBe(false);
  });
});

describe('splitMarkdown', () => {
  it('returns short text unchanged', () => {
    expect(splitMarkdown('a\nb', 100)).toEqual(['a\nb']);
  });

  it('splits at line breaks and closes/reopens a code block across chunks', () => {
    const text = `intro\n\`\`\`ts\n${Array.from({ length: 30 }, (_, i) => `line${i}`).join('\n')}\n\`\`\`\noutro`;
    const chunks = splitMarkdown(text, 60);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(60);
      expect((c.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(chunks[1]!.startsWith('```ts\n')).toBe(true);
    const rejoined = chunks.join('\n').replace(/\n```\n```ts\n/g, '\n');
    expect(rejoined).toBe(text);
  });

  it('keeps blank lines, inside and outside code blocks', () => {
    const text = 'para one\n\npara two\n```py\na = 1\n\nb = 2\n```';
    expect(splitMarkdown(text, 4096)).toEqual([text]);
    const small = splitMarkdown(`${'word '.repeat(30)}\n\n${text}`, 60);
    expect(small.join('\n')).toContain('para one\n\npara two');
  });

  it('cuts a single line longer than the limit', () => {
    const chunks = splitMarkdown('x'.repeat(250), 100);
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
  });
});

describe('escaping', () => {
  it('keeps ``` inside code from ending the block', () => {
    expect(fenceSafe('a ``` b')).not.toContain('```');
  });
  it('leaves ordinary text alone', () => {
    expect(defuse('HTTP 429 · rate_limit_error, retry after 30 s')).toBe('HTTP 429 · rate_limit_error, retry after 30 s');
  });
});
