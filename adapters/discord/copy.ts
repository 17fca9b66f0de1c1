/** What the bot says outside a diagnosis. Short, friendly, and never echoing the paste. */

export const SLASH_USAGE =
  '**Usage:** `/claude-error error:<paste the error>` or attach a `screenshot:`.\n' +
  'Add `private:True` if only you should see the answer.';

export const DM_USAGE =
  'Send me a Claude API error and I will tell you what it means and how to fix it: paste the text, ' +
  'attach a screenshot, or attach a `.txt` / `.log` file (up to 1 MB).';

export const FAILURE =
  'Sorry, something went wrong on my side while diagnosing this. Please try again in a minute.';

export const TOO_SLOW =
  'Sorry, this is taking longer than it should. Please try again in a minute.';

export const NOTHING_TO_READ =
  'That message has no text, `.txt` / `.log` file or screenshot for me to read. Use **Diagnose error** on the message with the error.';

export const OWN_ANSWER = 'That message is one of my answers. Use **Diagnose error** on the message with the error.';

/** The first line of a public answer to the message command: which message it answers. */
export const answerTo = (messageUrl: string) => `Diagnosis of ${messageUrl}`;

export const UNKNOWN_COMMAND = 'I do not know that command (any more). Try `/claude-error`.';

export const THANKS_UP = 'Thanks for the feedback! Glad it helped.';
export const THANKS_DOWN =
  'Thanks for the feedback, and sorry it did not help. Pasting the full error (with the request id) usually gives a better answer.';
export const ALREADY_VOTED = 'You already rated this answer. Thanks!';

export const DETAILS_GONE = "I no longer have that answer's details (they are kept for a day). Ask again for a fresh answer.";
export const ALREADY_DETAILED = 'The details of this answer are already posted above.';

/** "I could not read `x.png`: it is larger than 10 MB." for each skipped file. */
export function skippedNotice(skipped: Array<{ name: string; reason: string }>): string {
  return skipped.map((s) => `⚠️ I could not read \`${safeName(s.name)}\`: ${s.reason}.`).join('\n');
}

/** File names are chosen by the sender; keep them short and unable to break the inline code. */
export function safeName(name: string): string {
  const clean = name.replace(/[`\n\r]/g, '').trim();
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean || 'file';
}
