import { z } from 'zod';
import { NAME, PatternSourceSchema, regexProblem } from './patterns';
import { CueExamplesSchema } from './providers';
import { CatalogError, readKnowledge } from './read';

/** A regex with the fragments it must find and the look-alikes it must not (test/catalog/knowledge.test.ts runs them). */
const ExampledPatternSchema = z
  .object({ pattern: PatternSourceSchema, match: z.array(z.string().min(1)).min(1), nomatch: z.array(z.string().min(1)).default([]) })
  .strict();

const ClientSchema = z
  .object({
    id: z.string().regex(NAME),
    /** Human name, for headlines and the support summary. */
    label: z.string().min(2),
    /** The snippet heading when it should read as a language ("Python" rather than "Python SDK"). */
    heading: z.string().min(1).optional(),
    /** Code-fence language of the client's own snippet. */
    language: z.string().min(1).optional(),
    /**
     * Snippet keys to try, most specific first; a client whose own id is in the list keys catalogue
     * snippets. A chain may hold only the client's own key: then it gets a snippet only where an
     * entry has one for it (aider: a CLI, where code or app settings would mislead).
     */
    snippets: z.array(z.string().regex(NAME)).min(1),
    /**
     * What the client prints around an error — its banner, report template, log prefix or prompt
     * line. Every client's frame is tried before any client's `cue`: a frame says who printed the
     * error, a cue may be a name mentioned in passing (a curl line whose answer names Claude Code).
     */
    frame: PatternSourceSchema.optional(),
    /** Weaker signs that name the client (its name, paths, typical calls); tried after every frame, in file order. */
    cue: PatternSourceSchema,
    caseSensitive: z.boolean().default(false),
    /** Case-insensitive regex over a short follow-up ("I'm on Node", "curl?") that asks for this client. */
    followUp: PatternSourceSchema.optional(),
    /**
     * How a catalogue fix step speaks to this client (its name, its commands). A step that does must
     * be tagged for it (`for:`), unless the entry is seen only there (`seenIn`):
     * test/catalog/steps-by-client.test.ts. Case-sensitive.
     */
    fixCue: ExampledPatternSchema.optional(),
    examples: CueExamplesSchema.extend({
      followUp: z.array(z.string().min(1)).default([]),
      /** Pastes that detection gives to this client although another client's frame or cue also finds them. */
      detects: z.array(z.string().min(1)).default([]),
    }),
  })
  .strict();

/** A snippet key that is no client: `gui`, settings steps for desktop apps. */
const ViewSchema = z.object({ key: z.string().regex(NAME), heading: z.string().min(1), language: z.string().min(1), why: z.string().min(10) }).strict();

/**
 * How near a step tagged with a group stands to each member, which ranks it in the first message:
 * `family`, one product and its forks or twins (or sibling platforms a step names one by one), whose
 * members each read the step as their own; `broad`, advice for everyone in a wide group.
 */
export const GroupKindSchema = z.enum(['family', 'broad']);

const GroupSchema = z
  .object({
    kind: GroupKindSchema,
    members: z.array(z.string().regex(NAME)).min(1),
    /** How the question to a user of an unknown client names the group, when a step for it was left out ("an SDK"). */
    askAs: z.string().min(2).optional(),
    /** How a step speaks to this group alone (case-insensitive), when its words tell: the `code` group's retry policy and SDK calls. */
    fixCue: ExampledPatternSchema.optional(),
  })
  .strict();

const ClientsFileSchema = z
  .object({
    clients: z.array(ClientSchema).min(1),
    /** Named sets of client ids, usable in a fix step's `for:` (catalog/entries). */
    groups: z.record(z.string().regex(NAME), GroupSchema).default({}),
    views: z.array(ViewSchema).default([]),
    /** The snippet chain when no client is known. */
    unknown: z.object({ snippets: z.array(z.string().regex(NAME)).min(1) }).strict(),
  })
  .strict();

export type ClientData = z.output<typeof ClientSchema>;
export type GroupData = z.output<typeof GroupSchema>;

export interface Clients {
  /** Client ids in file order (detection order). */
  ids: readonly [string, ...string[]];
  /** Keys a catalogue entry may use for snippets: clients whose chain holds their own id, then the views. */
  snippetKeys: readonly [string, ...string[]];
  byId: ReadonlyMap<string, ClientData>;
  /** Detection frames, in file order; tried before every cue. */
  frames: ReadonlyArray<{ id: string; re: RegExp }>;
  /** Detection cues, in file order. */
  cues: ReadonlyArray<{ id: string; re: RegExp }>;
  /** How a fix step names a client (catalog/clients.yaml `fixCue`), per client id. */
  fixCues: ReadonlyArray<{ id: string; re: RegExp }>;
  followUps: ReadonlyArray<{ id: string; re: RegExp }>;
  /** Snippet chain per client id and for `unknown`. */
  snippetChains: Readonly<Record<string, readonly string[]>>;
  /** Heading and fence language per snippet key. */
  snippetStyle: Readonly<Record<string, { heading: string; language: string }>>;
  /** Named sets of client ids (`groups:`), for fix steps tagged with the clients they are for. */
  groups: ReadonlyMap<string, readonly string[]>;
  /** The groups whose members each read a step tagged with the group as their own (`kind: family`). */
  families: ReadonlySet<string>;
  /** The groups as written, with their kind and fix-step cue. */
  groupData: ReadonlyMap<string, GroupData>;
  /** How a fix step speaks to a group alone (`groups.<name>.fixCue`), per group name. */
  groupFixCues: ReadonlyArray<{ id: string; re: RegExp }>;
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
  for (const [name, group] of Object.entries(file.groups)) {
    if (ids.includes(name)) problems.push(`catalog/clients.yaml: groups.${name}: a group cannot share a client's id`);
    for (const m of group.members) if (!ids.includes(m)) problems.push(`catalog/clients.yaml: groups.${name}.members: "${m}" is no client id`);
  }
  for (const key of file.unknown.snippets) if (!snippetKeys.includes(key)) problems.push(`catalog/clients.yaml: unknown.snippets: "${key}" keys no snippet`);
  const style: Record<string, { heading: string; language: string }> = {};
  for (const c of owners) style[c.id] = { heading: c.heading ?? c.label, language: c.language ?? 'text' };
  for (const v of file.views) style[v.key] = { heading: v.heading, language: v.language };
  const clients: Clients = {
    ids: ids as [string, ...string[]],
    snippetKeys: snippetKeys as [string, ...string[]],
    byId: new Map(file.clients.map((c) => [c.id, c])),
    frames: file.clients.flatMap((c, i) => (c.frame ? [{ id: c.id, re: compile(c.frame, c.caseSensitive ? '' : 'i', `clients.${i}.frame`) }] : [])),
    cues: file.clients.map((c, i) => ({ id: c.id, re: compile(c.cue, c.caseSensitive ? '' : 'i', `clients.${i}.cue`) })),
    fixCues: file.clients.flatMap((c, i) => (c.fixCue ? [{ id: c.id, re: compile(c.fixCue.pattern, '', `clients.${i}.fixCue`) }] : [])),
    followUps: file.clients.flatMap((c, i) => (c.followUp ? [{ id: c.id, re: compile(c.followUp, 'i', `clients.${i}.followUp`) }] : [])),
    snippetChains: chains,
    snippetStyle: style,
    groups: new Map(Object.entries(file.groups).map(([name, g]) => [name, g.members])),
    families: new Set(Object.entries(file.groups).flatMap(([name, g]) => (g.kind === 'family' ? [name] : []))),
    groupData: new Map(Object.entries(file.groups)),
    groupFixCues: Object.entries(file.groups).flatMap(([name, g]) => (g.fixCue ? [{ id: name, re: compile(g.fixCue.pattern, 'i', `groups.${name}.fixCue`) }] : [])),
  };
  if (problems.length > 0) throw new CatalogError(problems);
  return clients;
}

/** Loaded once: the contracts derive the ClientId enum from it at import. */
export const CLIENTS: Clients = loadClients();
