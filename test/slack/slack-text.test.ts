import { describe, expect, it } from 'vitest';
import { mentionsUser, slackTextToPlain } from '../../adapters/slack/slack-text';

describe('slackTextToPlain', () => {
  it.each([
    ['<@UBOT> Error 429', 'Error 429'],
    ['<@UBOT> anthropic.RateLimitError: Error code: 429 - {&quot;x&quot;}', 'anthropic.RateLimitError: Error code: 429 - {&quot;x&quot;}'],
    ['&lt;html&gt; &amp; more', '<html> & more'],
    ['a literal &amp;lt; stays', 'a literal &lt; stays'],
    ['see <https://docs.anthropic.com/en/api/errors>', 'see https://docs.anthropic.com/en/api/errors'],
    ['host <http://api.anthropic.com|api.anthropic.com>', 'host api.anthropic.com'],
    ['mail <mailto:a@b.co|a@b.co>', 'mail a@b.co'],
    ['cc <@U123> and <@W9|bob>', 'cc @U123 and @bob'],
    ['in <#C1|errors>', 'in #errors'],
    ['<!here> help', '@here help'],
    ['```{"type":"error","error":{"type":"overloaded_error"}}```', '```{"type":"error","error":{"type":"overloaded_error"}}```'],
  ])('%j -> %j', (input, expected) => {
    expect(slackTextToPlain(input, 'UBOT')).toBe(expected);
  });

  it('recognises a mention of the bot', () => {
    expect(mentionsUser('hey <@UBOT> 429', 'UBOT')).toBe(true);
    expect(mentionsUser('hey <@UOTHER> 429', 'UBOT')).toBe(false);
    expect(mentionsUser('hey <@UBOT>', undefined)).toBe(false);
  });
});
