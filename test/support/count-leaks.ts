/**
 * `npx tsx test/support/count-leaks.ts`: runs every secret form of issue 15 (test/support/secret-forms.ts)
 * through the CLI's pieces in-process, after a vague sentence so the model fallback is asked, and
 * counts, per form and per exit (reply, --json, --jsonl, logs, model request), whether any
 * 8-character run of the secret got out. Prints a table and the totals; exits 0 either way (a figure).
 */
import { CHANNELS, createChannelRunner, VAGUE } from './output-channels';
import { leakedRuns, SECRET_FORMS } from './secret-forms';

const runner = await createChannelRunner();
let leakingForms = 0;
let modelAsked = 0;
const perChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<(typeof CHANNELS)[number], number>;
try {
  for (const [i, form] of SECRET_FORMS.entries()) {
    // Numbered, so no two forms share a cached model answer.
    const outputs = await runner.run(`${VAGUE} (${i})\n${form.text}`);
    const leaks = CHANNELS.filter((c) => leakedRuns(form.secret, outputs[c]).length > 0);
    for (const c of leaks) perChannel[c] += 1;
    if (leaks.length > 0) leakingForms += 1;
    if (outputs.model !== '') modelAsked += 1;
    const asked = outputs.model === '' ? ' (model not asked)' : '';
    console.log(`${leaks.length > 0 ? 'LEAK' : 'ok  '}  ${form.name.padEnd(52)} ${leaks.join(', ')}${asked}`);
  }
} finally {
  await runner.close();
}
console.log(`\n${leakingForms} of ${SECRET_FORMS.length} forms leak at least one 8-character run of their secret`);
console.log(`by exit: ${CHANNELS.map((c) => `${c} ${perChannel[c]}`).join(', ')}`);
console.log(`the model request was sent (and checked) for ${modelAsked} of ${SECRET_FORMS.length} forms`);
