import type { CompiledFixStep } from '../catalog';
import { CLIENT_LABELS, type ClientId } from '../contracts';
import { CLIENTS } from '../knowledge/clients';

export interface ClientSteps {
  /** The universal steps and those for this client, in catalogue order; never another client's. */
  steps: string[];
  /**
   * Which of `steps` are written for this client: tagged with its id or a `family` group of
   * catalog/clients.yaml (Cline and its forks): they speak to the paste more than a universal one.
   */
  own: ReadonlySet<string>;
  /**
   * Which of `steps` reach this client only through a `broad` group (`sdk`, `code`, `apps`,
   * `cli-agents`): advice for everyone in it, closer to this user than a universal step but not
   * written for them.
   */
  group: ReadonlySet<string>;
  /**
   * With no client known: whom the left-out steps were for (to ask which one it is), in step order —
   * client ids, and the `broad` groups that have an `askAs` name (`code`: "your own code").
   */
  withheldFor: string[];
}

/**
 * The fix steps a user of `client` sees (`null`: the paste does not say which client). `service` is
 * the hosted service the paste names as the one that answered (another provider, a cloud) or null:
 * with one, `service: named` steps speak to it by name and `service: unnamed` ones — the generic
 * "check that provider", the client-tagged "set your tool's provider" — are left out, unasked for.
 */
export function stepsFor(fix: readonly CompiledFixStep[], client: ClientId | null, service: string | null = null): ClientSteps {
  const steps: string[] = [];
  const own = new Set<string>();
  const group = new Set<string>();
  const withheld = new Set<string>();
  for (const step of fix) {
    if (step.service === (service === null ? 'named' : 'unnamed')) continue;
    const text = service !== null && step.service === 'named' ? step.text.replaceAll('{service}', service) : step.text;
    if (step.for === null) steps.push(text);
    else if (client !== null && step.for.includes(client)) {
      steps.push(text);
      (step.own.includes(client) ? own : group).add(text);
    } else if (client === null) for (const name of askedFor(step)) withheld.add(name);
  }
  return { steps, own, group, withheldFor: [...withheld] };
}

/**
 * Whom to ask about for a left-out step: a `broad` group with an `askAs` name as one (a step for all
 * code is "your own code", not twelve names), every other client it is for by itself.
 */
function askedFor(step: CompiledFixStep): string[] {
  const named = step.groups.filter((g) => CLIENTS.groupData.get(g)?.askAs);
  const covered = new Set(named.flatMap((g) => CLIENTS.groups.get(g) ?? []));
  return [...named, ...(step.for ?? []).filter((c) => step.own.includes(c) || !covered.has(c))];
}

/** The SDK clients, named together as "an SDK" in a question (catalog/clients.yaml `groups.sdk`). */
const SDKS = new Set(CLIENTS.groups.get('sdk') ?? []);
const SDK_NAME = CLIENTS.groupData.get('sdk')?.askAs ?? 'an SDK';
const MAX_NAMED = 4;

const askName = (name: string): string =>
  CLIENTS.groupData.get(name)?.askAs ?? (SDKS.has(name) ? SDK_NAME : (CLIENT_LABELS[name as ClientId] ?? name));

/**
 * One short question when the steps depend on a client the paste does not reveal, naming the
 * clients the entry has steps for: "Which are you using: an SDK, Claude Code or Cursor? …".
 */
export function clientQuestion(withheldFor: readonly string[]): string | null {
  if (withheldFor.length === 0) return null;
  const names: string[] = [];
  for (const id of withheldFor) {
    const name = askName(id);
    if (!names.includes(name)) names.push(name);
  }
  if (names.length === 1) return `Are you using ${names[0]}? Reply with the client you use and I'll give you the steps for it.`;
  const shown = names.slice(0, MAX_NAMED);
  const list = names.length > MAX_NAMED ? `${shown.join(', ')}, …` : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
  return `Which are you using: ${list}? Reply with its name and I'll give you the steps for it.`;
}
