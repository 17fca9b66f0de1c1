import { z } from 'zod';
import { NAME, PatternSourceSchema, regexProblem } from './patterns';
import { CueExamplesSchema } from './providers';
import { CatalogError, readKnowledge } from './read';

const ClientSchema = z
  .object({
    id: z.string().regex(NAME),
    /** Human name, for headlines and the support summary. */
    label: z.string().min(2),
    /** The snippet heading when it should read as a language ("Python" rather than "Python SDK"). */
    heading: z.string().min(1).optional(),
    /** Code-fence language of the client's own snippet. */
    language: z.string().min(1).optional(),
    /** Snippet keys to try, most specific first; a client whose own id is in the list keys catalogue snippets. */
    snippets: z.array(z.string().regex(NAME)).min(1),
    /** Regex over the paste that names this client; the first client (in file order) whose cue matches wins. */
    cue: PatternSourceSchema,
    caseSensitive: z.boolean().default(false),
    /** Case-insensitive regex over a short follow-up ("I'm on Node", "curl?") that asks for this client. */
    followUp: PatternSourceSchema.optional(),
    examples: CueExamplesSchema.extend({ followUp: z.array(z.string().min(1)).default([]) }),
  })
  .strict();

/** A snippet key that is no client: `gui`, settings steps for desktop apps. */
const ViewSchema = z.object({ key: z.string().regex(NAME), heading: z.string().min(1), language: z.string().min(1), why: z.string().min(10) }).strict();

const ClientsFileSchema = z
  .object({
    clients: z.array(ClientSchema).min(1),
    views: z.array(ViewSchema).default([]),
    /** The snippet chain when no client is known. */
    unknown: z.object({ snippets: z.array(z.string().regex(NAME)).min(1) }).strict(),
  })
  .strict();

export type ClientData = z.output<typeof ClientSchema>;

export interface Clients {
  /** Client ids in file order (detection order). */
  ids: readonly [string, ...string[]];
  /** Keys a catalogue entry may use for snippets: clients whose chain holds their own id, then the views. */
  snippetKeys: readonly [string, ...string[]];
  byId: ReadonlyMap<string, ClientData>;
  /** Detection cues, in file order. */
  cues: ReadonlyArray<{ id: string; re: RegExp }>;
  followUps: ReadonlyArray<{ id: string; re: RegExp }>;
  /** Snippet chain per client id and for `unknown`. */
  snippetChains: Readonly<Record<string, readonly string[]>>;
  /** Heading and fence language per snippet key. */
  snippetStyle: Readonly<Record<string, { heading: string; language: string }>>;
}

/** catalog/clients.yaml, validated: every client's name, detection cue, follow-up words and snippet chain. */
export function loadClients(): Clients {
  const file = readKnowledge('clients.yaml', ClientsFileSchema);
  const problems: string[] = [];
  const compile = (source: string, flags: string, path: string): RegExp => {
    const problem = regexProblem(source);
    if (problem) problems.push(`catalog/clients.yaml: ${path}: ${problem}`);
    return problem ? /(?!)/ : new RegExp(source, flags);
  };
  const ids = file.clients.map((c) => c.id);
  const owners = file.clients.filter((c) => c.snippets.includes(c.id));
  const snippetKeys = [...owners.map((c) => c.id), ...file.views.map((v) => v.key)];
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) problems.push(`catalog/clients.yaml: clients: "${id}" is listed twice`);
  const chains: Record<string, readonly string[]> = { unknown: file.unknown.snippets };
  file.clients.forEach((c, i) => {
    chains[c.id] = c.snippets;
    for (const key of c.snippets) if (!snippetKeys.includes(key)) problems.push(`catalog/clients.yaml: clients.${i}.snippets: "${key}" keys no snippet`);
    if (c.snippets.includes(c.id) && !c.language) problems.push(`catalog/clients.yaml: clients.${i}.language: a client with its own snippets names their language`);
  });
  for (const key of file.unknown.snippets) if (!snippetKeys.includes(key)) problems.push(`catalog/clients.yaml: unknown.snippets: "${key}" keys no snippet`);
  const style: Record<string, { heading: string; language: string }> = {};
  for (const c of owners) style[c.id] = { heading: c.heading ?? c.label, language: c.language ?? 'text' };
  for (const v of file.views) style[v.key] = { heading: v.heading, language: v.language };
  const clients: Clients = {
    ids: ids as [string, ...string[]],
    snippetKeys: snippetKeys as [string, ...string[]],
    byId: new Map(file.clients.map((c) => [c.id, c])),
    cues: file.clients.map((c, i) => ({ id: c.id, re: compile(c.cue, c.caseSensitive ? '' : 'i', `clients.${i}.cue`) })),
    followUps: file.clients.flatMap((c, i) => (c.followUp ? [{ id: c.id, re: compile(c.followUp, 'i', `clients.${i}.followUp`) }] : [])),
    snippetChains: chains,
    snippetStyle: style,
  };
  if (problems.length > 0) throw new CatalogError(problems);
  return clients;
}

/** Loaded once: the contracts derive the ClientId enum from it at import. */
export const CLIENTS: Clients = loadClients();
