import { z } from 'zod';

const isoDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);
/** Where a fact was read: an official page, or a file of the installed official SDK (`npm:pkg@version/path`). */
const source = z.string().regex(/^(?:https:\/\/\S+|npm:@?[\w./-]+@\d[\w.-]*\/.+)$/, 'must be an https URL or npm:package@version/path');
/** What could not be confirmed on an official page; the reply never states it as certain. */
const unconfirmed = z.string().min(10).optional();
const modelId = z.string().regex(/^claude-[a-z0-9-]+$/);

export const FAMILIES = ['opus', 'sonnet', 'haiku', 'fable', 'mythos'] as const;
export type Family = (typeof FAMILIES)[number];

const CurrentModelSchema = z
  .object({
    id: modelId,
    aliases: z.array(z.string()).default([]),
    name: z.string(),
    family: z.enum(FAMILIES),
    /** active: the current lineup; legacy: still served, migrate; deprecated: has a retirement date. */
    status: z.enum(['active', 'legacy', 'deprecated']),
    released: isoDate.optional(),
    contextWindow: z.number().int().positive(),
    maxOutput: z.number().int().positive(),
    source,
    unconfirmed,
    deprecation: z
      .object({ announced: isoDate.optional(), retires: isoDate, replacement: modelId, source, unconfirmed })
      .strict()
      .optional(),
    /** The same model's ids on the partner platforms. */
    cloud: z
      .object({ bedrock: z.array(z.string()).default([]), vertex: z.array(z.string()).default([]), source, unconfirmed })
      .strict()
      .optional(),
  })
  .strict();

export const ModelsDataSchema = z
  .object({
    verified: isoDate,
    sources: z.array(source).min(1),
    fallbackModel: z.string(),
    current: z.array(CurrentModelSchema).min(1),
    retired: z.array(
      z.object({ ids: z.array(z.string()).min(1), retired: isoDate, replacement: z.string(), source, unconfirmed }).strict(),
    ),
    claudeCodeAliases: z
      .object({ source, verified: isoDate, unconfirmed, resolve: z.record(z.string(), z.string()) })
      .strict(),
  })
  .strict()
  .superRefine((data, ctx) => {
    const known = new Set(data.current.flatMap((m) => [m.id, ...m.aliases]));
    const mustBeCurrent = (id: string, path: (string | number)[]) => {
      if (!known.has(id)) ctx.addIssue({ code: 'custom', path, message: `${id} is not a current id` });
    };
    mustBeCurrent(data.fallbackModel, ['fallbackModel']);
    data.retired.forEach((r, i) => mustBeCurrent(r.replacement, ['retired', i, 'replacement']));
    Object.entries(data.claudeCodeAliases.resolve).forEach(([alias, target]) => mustBeCurrent(target, ['claudeCodeAliases', 'resolve', alias]));
    data.current.forEach((m, i) => {
      // A deprecation without a date, or a date on a model not marked deprecated, is a half-done edit.
      if ((m.status === 'deprecated') !== Boolean(m.deprecation)) {
        ctx.addIssue({ code: 'custom', path: ['current', i, 'deprecation'], message: 'status deprecated and a deprecation block go together' });
      }
      if (m.deprecation) mustBeCurrent(m.deprecation.replacement, ['current', i, 'deprecation', 'replacement']);
    });
    const fallback = data.current.find((m) => m.id === data.fallbackModel || m.aliases.includes(data.fallbackModel));
    if (fallback && fallback.status !== 'active') {
      ctx.addIssue({ code: 'custom', path: ['fallbackModel'], message: `must be an active model, not ${fallback.status}` });
    }
  });
export type ModelsData = z.output<typeof ModelsDataSchema>;
export type CurrentModel = ModelsData['current'][number];
export type RetiredModels = ModelsData['retired'][number];
