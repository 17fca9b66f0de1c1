import { editDistance } from './distance';
import type { ModelsData } from './schema';

export type ModelMistake =
  | 'valid'
  | 'typo'
  | 'claude-code-alias'
  | 'display-name'
  | 'dotted'
  | 'wrong-order'
  | 'cloud-id'
  | 'extra-date'
  | 'retired'
  | 'unknown';

export interface ModelVerdict {
  input: string;
  /** The most telling mistake; `mistakes` lists every repair that was needed. */
  mistake: ModelMistake;
  mistakes: ModelMistake[];
  /** The id to use instead (a current id), or null when nothing is close. */
  suggestion: string | null;
  /** Set when the id (after fixing its form) names a retired model. */
  retired: { date: string; replacement: string } | null;
}

/** Repairs of the id's form, applied in order; each names the mistake it fixes. */
const FORM_REPAIRS: ReadonlyArray<[Exclude<ModelMistake, 'valid'>, (id: string) => string | null]> = [
  ['cloud-id', (id) => /^(?:[a-z]{2,6}\.)?anthropic\.(claude-[a-z0-9.-]+?)(?:-v\d+(?::\d+)?)?$/.exec(id)?.[1] ?? null],
  ['cloud-id', (id) => /^(claude-[a-z0-9.-]+)@(\d{8})$/.exec(id)?.slice(1).join('-') ?? null],
  ['display-name', (id) => (/\s/.test(id) ? id.trim().replace(/\s+/g, '-') : null)],
  ['dotted', (id) => (/\d\.\d/.test(id) ? id.replace(/(\d)\.(\d)/g, '$1-$2') : null)],
  [
    'wrong-order',
    (id) => {
      const m = /^claude-(\d+)((?:-\d+)?)-(opus|sonnet|haiku|fable)(-.*)?$/.exec(id);
      return m && Number(m[1]) >= 4 ? `claude-${m[3]}-${m[1]}${m[2]}${m[4] ?? ''}` : null;
    },
  ],
  ['extra-date', (id) => /^(claude-[a-z]+-\d+(?:-\d+)?)-20\d{6}$/.exec(id)?.[1] ?? null],
];

/** When several repairs were needed, the one to name first. */
const MISTAKE_ORDER: readonly ModelMistake[] = ['display-name', 'claude-code-alias', 'wrong-order', 'dotted', 'cloud-id', 'extra-date', 'typo'];
const primaryMistake = (found: ModelMistake[]): ModelMistake | null =>
  MISTAKE_ORDER.find((m) => found.includes(m)) ?? null;

export class ModelIndex {
  private readonly current = new Map<string, string>();
  private readonly retired = new Map<string, { date: string; replacement: string }>();

  constructor(readonly data: ModelsData) {
    for (const m of data.current) for (const id of [m.id, ...m.aliases]) this.current.set(id, m.id);
    for (const r of data.retired) for (const id of r.ids) this.retired.set(id, { date: r.retired, replacement: r.replacement });
  }

  /** Context window and output cap of a current id or alias. */
  limits(id: string): { contextWindow: number; maxOutput: number } | null {
    const canonical = this.current.get(id.toLowerCase());
    return this.data.current.find((m) => m.id === canonical) ?? null;
  }

  /** Says what is wrong with a model id and which current id to use. */
  classify(input: string): ModelVerdict {
    const raw = input.trim().replace(/^["'`]+|["'`]+$/g, '');
    let id = raw.toLowerCase();
    const found: ModelMistake[] = [];
    const verdict = (suggestion: string | null, retired: ModelVerdict['retired'], fallback: ModelMistake): ModelVerdict => ({
      input,
      mistake: primaryMistake(found) ?? fallback,
      mistakes: retired ? [...found, 'retired'] : found.length ? found : [fallback],
      suggestion,
      retired,
    });

    // "sonnet", "opus[1m]", and the common "sonnet4" are Claude Code names, not API ids.
    const aliasKey = id.replace(/^(sonnet|opus|haiku)[\d.-]*(\[1m\])?$/, '$1$2');
    const alias = this.data.claudeCodeAliases[aliasKey];
    if (alias) return { input, mistake: 'claude-code-alias', mistakes: ['claude-code-alias'], suggestion: alias, retired: null };

    for (const [kind, repair] of FORM_REPAIRS) {
      if (this.current.has(id) || this.retired.has(id)) break;
      const fixed = repair(id);
      if (fixed && fixed !== id) {
        id = fixed;
        found.push(kind);
      }
    }
    if (this.current.has(id)) return verdict(found.length ? id : null, null, 'valid');
    const retired = this.retired.get(id) ?? this.retiredWithOtherDate(id, found);
    if (retired) return verdict(retired.replacement, retired, 'retired');
    return this.nearest(id, found, verdict);
  }

  /** "claude-3-7-sonnet-20250125": a real family with a date that never existed. */
  private retiredWithOtherDate(id: string, found: ModelMistake[]): { date: string; replacement: string } | null {
    const base = /^(claude-[a-z0-9-]+?)-20\d{6}$/.exec(id)?.[1];
    if (!base) return null;
    for (const [candidate, info] of this.retired) {
      if (candidate.startsWith(`${base}-20`)) {
        found.push('typo');
        return info;
      }
    }
    return null;
  }

  private nearest(
    id: string,
    found: ModelMistake[],
    verdict: (s: string | null, r: ModelVerdict['retired'], f: ModelMistake) => ModelVerdict,
  ): ModelVerdict {
    let best: { id: string; d: number } | null = null;
    for (const candidate of this.current.keys()) {
      const d = editDistance(id, candidate, 3);
      if (d <= 3 && (!best || d < best.d)) best = { id: candidate, d };
    }
    if (best) return verdict(best.id, null, 'typo');
    for (const [candidate, info] of this.retired) {
      if (editDistance(id, candidate, 2) <= 2) {
        found.push('typo');
        return verdict(info.replacement, info, 'retired');
      }
    }
    const family = /opus|sonnet|haiku|fable/.exec(id)?.[0];
    const sameFamily = family ? this.data.current.find((m) => m.family === family) : undefined;
    return verdict(sameFamily?.id ?? null, null, 'unknown');
  }
}
