import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog';
import type { CompiledEntry } from '../../src/catalog';
import { CLIENTS } from '../../src/knowledge/clients';

/**
 * The data side of "a reply never shows another client's steps": every catalogue entry, rendered
 * for each known client (and for an unknown one), keeps the steps for everyone and that client's —
 * and none of those steps speaks to another client. Who a step speaks to is read from its words
 * with each client's `fixCue` (catalog/clients.yaml): "In Claude Code run `/status`" speaks to
 * Claude Code, so it must be tagged `for: [claude-code]` (or the entry `seenIn: [claude-code]`).
 */
const catalog = loadCatalog();
/** Cloud platforms: a step for some tool may say which cloud it concerns ("Claude Code on Bedrock: …"). */
const CLOUDS = new Set(CLIENTS.groups.get('cloud'));

/** The steps a client sees: the ones for everyone and the ones tagged for it (null: no client known). */
const stepsFor = (entry: CompiledEntry, client: string | null) => entry.fix.filter((s) => s.for === null || (client !== null && s.for.includes(client)));

/** The clients a step's words speak to. */
const spokenTo = (text: string) => CLIENTS.fixCues.filter((c) => c.re.test(text)).map((c) => c.id);

/** For one client: each step it would see that speaks to someone else, as "entry fix.i → other". */
function otherClientsSteps(client: string | null): string[] {
  const found: string[] = [];
  for (const entry of catalog) {
    for (const step of stepsFor(entry, client)) {
      for (const other of spokenTo(step.text)) {
        if (other === client || entry.seenIn?.includes(other)) continue;
        if (step.for !== null && (step.for.includes(other) || CLOUDS.has(other))) continue;
        found.push(`${entry.id} fix.${entry.fix.indexOf(step)} (${step.for ? `for ${step.for.join(', ')}` : 'for everyone'}) speaks to ${other}: ${step.text.slice(0, 90)}`);
      }
    }
  }
  return found;
}

describe('fix steps by client', () => {
  it.each([...CLIENTS.ids, null])('an entry rendered for %s shows no step meant for another client', (client) => {
    expect(otherClientsSteps(client)).toEqual([]);
  });

  it('tells everyone who meets a transient error what they can do: no retry policy or SDK call in a step for everyone', () => {
    // A 529, a 500 or a dropped stream reaches Claude Code and app users as much as code — a Bedrock
    // throttle too, through Claude Code or Cline on Bedrock; "retry with backoff and jitter" is for
    // code (`for: [code]`), the step for everyone says to wait and try again.
    const codeOnly = CLIENTS.groupFixCues.find((c) => c.id === 'code')!.re;
    const found = catalog
      .filter((e) => e.retryable)
      .flatMap((e) => e.fix.filter((s) => s.for === null && codeOnly.test(s.text)).map((s) => `${e.id} fix.${e.fix.indexOf(s)}: ${s.text.slice(0, 90)}`));
    expect(found).toEqual([]);
  });

  it('tags the steps that belong to one client and keeps some steps for everyone', () => {
    const steps = catalog.flatMap((e) => e.fix);
    expect(steps.filter((s) => s.for !== null).length).toBeGreaterThan(100);
    // Every entry still says something to a user whose client is not known.
    expect(catalog.filter((e) => stepsFor(e, null).length === 0 && e.seenIn === null).map((e) => e.id)).toEqual([]);
  });

  it('shows a Claude Code user the /login step and a Python user none of it', () => {
    const invalidKey = catalog.find((e) => e.id === 'invalid-api-key')!;
    const claudeCode = stepsFor(invalidKey, 'claude-code').map((s) => s.text).join('\n');
    const python = stepsFor(invalidKey, 'python').map((s) => s.text).join('\n');
    expect(claudeCode).toMatch(/\/login/);
    expect(python).not.toMatch(/\/login|Claude Code/);
  });
});
