import { z } from 'zod';

const isoDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);

export const ModelsDataSchema = z
  .object({
    lastVerified: isoDate,
    sources: z.array(z.string().url()).min(1),
    fallbackModel: z.string(),
    current: z
      .array(
        z
          .object({
            id: z.string().regex(/^claude-[a-z0-9-]+$/),
            aliases: z.array(z.string()).default([]),
            name: z.string(),
            family: z.enum(['opus', 'sonnet', 'haiku', 'fable', 'mythos']),
            contextWindow: z.number().int().positive(),
            maxOutput: z.number().int().positive(),
          })
          .strict(),
      )
      .min(1),
    retired: z.array(z.object({ ids: z.array(z.string()).min(1), retired: isoDate, replacement: z.string() }).strict()),
    claudeCodeAliases: z.record(z.string(), z.string()),
  })
  .strict()
  .superRefine((data, ctx) => {
    const known = new Set(data.current.flatMap((m) => [m.id, ...m.aliases]));
    if (!known.has(data.fallbackModel)) ctx.addIssue({ code: 'custom', path: ['fallbackModel'], message: 'must be a current id or alias' });
    data.retired.forEach((r, i) => {
      if (!known.has(r.replacement)) ctx.addIssue({ code: 'custom', path: ['retired', i, 'replacement'], message: `${r.replacement} is not a current id` });
    });
    Object.entries(data.claudeCodeAliases).forEach(([alias, target]) => {
      if (!known.has(target)) ctx.addIssue({ code: 'custom', path: ['claudeCodeAliases', alias], message: `${target} is not a current id` });
    });
  });
export type ModelsData = z.output<typeof ModelsDataSchema>;
export type CurrentModel = ModelsData['current'][number];
