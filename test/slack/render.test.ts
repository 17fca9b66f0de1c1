import { describe, expect, it } from 'vitest';
import { LIMITS, type SlackBlock, type SlackMessage } from '../../adapters/slack/blocks';
import { parseFeedbackValue } from '../../adapters/slack/feedback-buttons';
import { renderDetails, renderFailure, renderPrivateNotes, renderReply } from '../../adapters/slack/render';
import type { ReplyDocument } from '../../src/contracts';
import { diagnosisFor } from './support/synthetic-doctor';

const doc = (over: Partial<ReplyDocument> = {}): ReplyDocument => ({ ...diagnosisFor({ platform: 'test', text: 'Error 429' }).document, ...over });

const mrkdwnTexts = (blocks: SlackBlock[]): string[] =>
  blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : []));
const allMrkdwn = (messages: SlackMessage[]) => messages.flatMap((m) => [m.text, ...mrkdwnTexts(m.blocks)]);
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('renderReply', () => {
  it('lays out the first message: header, verdict, the first steps (never folded), one link and the entry id', () => {
    const [message, ...rest] = renderReply(doc(), { audience: 'channel', feedback: { entry: 'rate-limit', source: 'rules' }, more: '0123456789abcdef' });
    expect(rest).toHaveLength(0);
    const types = message!.blocks.map((b) => b.type);
    expect(types[0]).toBe('header');
    expect(types.at(-1)).toBe('actions');
    const texts = mrkdwnTexts(message!.blocks).join('\n');
    expect(texts).toContain('You pasted: Error 429');
    expect(texts).toMatch(/^1\. Wait for the retry-after time, then retry\.\n2\. Add exponential backoff with jitter\.$/m);
    const steps = message!.blocks.find((b) => b.type === 'section' && b.text.text.startsWith('1. '));
    expect(steps).toMatchObject({ expand: true });
    expect(texts).toContain('<https://platform.claude.com/docs/en/api/rate-limits|Rate limits>');
    expect(texts).toContain('entry `rate-limit`');
    // The rest waits for "More detail": cause, step 3, the snippet, the support summary.
    expect(texts).not.toContain('Your organisation sent more requests');
    expect(texts).not.toContain('Ask for a higher tier');
    expect(texts).not.toContain('```');
    expect(texts).not.toContain('req_011CSHoEeqs5C35K2UUqR7Fy');
    expect(texts).not.toMatch(/\d+ ?%/); // no confidence
    expect(message!.text).toContain('Rate limited (HTTP 429 rate_limit_error)');
  });

  it('lays out the details: cause, the other steps numbered on, snippet in a code block, support summary and the other references', () => {
    const [message, ...rest] = renderDetails(doc({ references: [{ title: 'Rate limits', url: 'https://platform.claude.com/docs/en/api/rate-limits' }, { title: 'Errors', url: 'https://platform.claude.com/docs/en/api/errors' }] }));
    expect(rest).toHaveLength(0);
    const texts = mrkdwnTexts(message!.blocks).join('\n');
    expect(texts).toContain('*Why*\nYour organisation sent more requests');
    expect(texts).toMatch(/\*More steps\*\n3\. Ask for a higher tier if this keeps happening\./);
    expect(texts).not.toContain('1. Wait for the retry-after time');
    expect(texts).toMatch(/\*curl\*\n```\ncurl -sS https:\/\/api\.anthropic\.com/);
    expect(texts).toContain('request id `req_011CSHoEeqs5C35K2UUqR7Fy`');
    expect(texts).toContain('<https://platform.claude.com/docs/en/api/errors|Errors>');
    expect(texts).not.toContain('|Rate limits>'); // linked in the first message already
    expect(message!.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('puts "More detail" and 👍 / 👎 (carrying the catalogue entry) on the last message only', () => {
    const messages = renderReply(doc({ notes: Array.from({ length: 120 }, (_, i) => `note ${i}`) }), {
      audience: 'channel',
      feedback: { entry: 'rate-limit', source: 'rules' },
      more: '0123456789abcdef',
    });
    expect(messages.length).toBeGreaterThan(1);
    const actions = messages.map((m) => m.blocks.filter((b) => b.type === 'actions'));
    expect(actions.slice(0, -1).every((a) => a.length === 0)).toBe(true);
    const [block] = actions.at(-1)!;
    if (block?.type !== 'actions') throw new Error('no actions block');
    expect(block.elements.map((e) => e.action_id)).toEqual(['more_detail', 'feedback_up', 'feedback_down']);
    expect(block.elements[0]!.value).toBe('0123456789abcdef');
    expect(parseFeedbackValue(block.elements[1]!.value)).toEqual({ entry: 'rate-limit', source: 'rules' });
  });

  it('leaves "More detail" out when there is nothing more to say', () => {
    const bare = doc({ cause: '', facts: [], fix: ['Only step.'], replySteps: 1, snippet: null, references: [], support: { ...doc().support, requestId: null } });
    const [message] = renderReply(bare, { audience: 'channel', feedback: { entry: 'rate-limit', source: 'rules' }, more: '0123456789abcdef' });
    const actions = message!.blocks.find((b) => b.type === 'actions');
    if (actions?.type !== 'actions') throw new Error('no actions block');
    expect(actions.elements.map((e) => e.action_id)).toEqual(['feedback_up', 'feedback_down']);
  });

  it('keeps private notes out of a channel reply and its details, and leads a DM reply with them', () => {
    const secretDoc = doc({ privateNotes: ['You pasted an API key: rotate it.'] });
    expect(allMrkdwn(renderReply(secretDoc, { audience: 'channel' })).join('\n')).not.toContain('rotate it');
    expect(allMrkdwn(renderDetails(secretDoc)).join('\n')).not.toContain('rotate it');
    const [dm] = renderReply(secretDoc, { audience: 'dm' });
    expect(mrkdwnTexts(dm!.blocks)[0]).toContain('Only you can see this');
    expect(allMrkdwn(renderPrivateNotes(secretDoc.privateNotes)).join('\n')).toContain('You pasted an API key: rotate it.');
  });

  it('shows adapter notes and public notes before the diagnosis', () => {
    const [message] = renderReply(doc({ notes: ['Read from your screenshot: 429'] }), {
      audience: 'channel',
      extraNotes: ['I could not read the attachment "a.pdf": I only read screenshots and text snippets.'],
    });
    const first = mrkdwnTexts(message!.blocks.slice(0, 2));
    expect(first[0]).toContain('a.pdf');
    expect(first[1]).toBe('Read from your screenshot: 429');
  });

  const hostile = [
    '<!channel> look',
    '<!here|here>',
    '<@U024BE7LH> and <@W123|bob>',
    '<!subteam^S0614TZR7|@team>',
    'a & b < c > d',
    '@everyone @channel @here',
    '<https://evil.example|click me>',
  ];
  it.each(hostile)('echoes %j without any mention, link or unescaped control character', (paste) => {
    const hostileDoc = doc({
      headline: `Headline ${paste}`,
      verdict: [paste],
      cause: paste,
      facts: [paste],
      fix: [paste, paste],
      replySteps: 1,
      question: paste,
      notes: [paste],
      statusLine: paste,
      snippet: { key: 'curl', language: 'bash', label: paste, code: paste },
    });
    const messages = [...renderReply(hostileDoc, { audience: 'dm' }), ...renderDetails(hostileDoc)];
    for (const text of allMrkdwn(messages)) {
      // Our own reference links are the only markup allowed.
      const withoutOurLinks = text.replace(/<https:\/\/platform\.claude\.com\/[^|>]*\|[^>]*>/g, '');
      expect(withoutOurLinks).not.toMatch(/[<>]/);
      expect(withoutOurLinks).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect(text).not.toMatch(/@(channel|here|everyone)\b/);
    }
    const header = messages[0]!.blocks.find((b) => b.type === 'header');
    if (header?.type !== 'header') throw new Error('no header');
    expect(header.text.text).not.toMatch(/@(channel|here|everyone)\b/);
  });

  it('keeps 50,000 characters of details within every Slack limit and loses nothing', () => {
    const big = doc({
      cause: `${'The cause, explained at length. '.repeat(800)}END-OF-CAUSE`,
      facts: Array.from({ length: 300 }, (_, i) => `fact ${i} <${'x'.repeat(20)}>`),
      snippet: { key: 'curl', language: 'bash', label: 'curl', code: `${'echo "a & b" > /dev/null\n'.repeat(700)}END-OF-SNIPPET` },
    });
    const messages = renderDetails(big);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
      expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
      for (const b of m.blocks) {
        if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
      }
      expect(mrkdwnTexts(m.blocks).join('').length).toBeLessThanOrEqual(LIMITS.messageChars);
    }
    const joined = unescape(messages.flatMap((m) => mrkdwnTexts(m.blocks)).join('\n'));
    expect(joined).toContain('END-OF-CAUSE');
    expect(joined).toContain('END-OF-SNIPPET');
    expect(joined).toContain('fact 299 <xxxxxxxxxxxxxxxxxxxx>');
    // Every piece of the snippet is its own complete code block.
    const codeSections = messages.flatMap((m) => mrkdwnTexts(m.blocks)).filter((t) => t.includes('```'));
    expect(codeSections.length).toBeGreaterThan(1);
    for (const s of codeSections) expect(s.match(/```/g)).toHaveLength(2);
  });

  it('splits a reply with more blocks than one message may hold', () => {
    const messages = renderReply(doc({ notes: Array.from({ length: 120 }, (_, i) => `note ${i}`) }), { audience: 'channel' });
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(messages[1]!.text).toContain('continued, part 2 of');
  });

  it('keeps a pasted code fence from closing the snippet block', () => {
    const [message] = renderDetails(doc({ snippet: { key: 'curl', language: 'bash', label: 'curl', code: 'a\n```\nb' } }));
    const code = mrkdwnTexts(message!.blocks).find((t) => t.startsWith('*curl*'));
    expect(code?.match(/```/g)).toHaveLength(2);
  });
});

describe('renderFailure', () => {
  it('apologises and points at the official errors reference and the status page', () => {
    const text = allMrkdwn([renderFailure()]).join('\n');
    expect(text).toContain('something went wrong');
    expect(text).toContain('https://platform.claude.com/docs/en/api/errors');
    expect(text).toContain('https://status.claude.com');
  });
});
