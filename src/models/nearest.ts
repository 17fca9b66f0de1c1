import { editDistance } from './distance';
import { compareVersions, parseModelId } from './model-id';
import type { CurrentModel, ModelsData } from './schema';

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
  | 'maybe-newer'
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
  /** The id after fixing its form, when it needed fixing and is not in the list ("maybe newer"). */
  repaired: string | null;
  /** Set when the id names a deprecated model: when it retires and the official replacement. */
  deprecated: { retires: string; replacement: string } | null;
  /** When the id to use is a legacy model: the active model of its family. */
  newer: string | null;
  /** "live" when only the API's own model list (GET /v1/models) knew the id. */
  basis: 'data' | 'live';
}

type Retirement = { date: string; replacement: string };

/** Repairs of the id's form, applied in order; each names the mistake it fixes. */
const FORM_REPAIRS: ReadonlyArray<[Exclude<ModelMistake, 'valid'>, (id: string) => string | null]> = [
  ['cloud-id', (id) => /^(?:[a-z]{2,6}\.)?anthropic\.(claude-[a-z0-9.-]+?)(?:-v\d+(?::\d+)?)?$/.exec(id)?.[1] ?? null],
  ['cloud-id', (id) => /^(claude-[a-z0-9.-]+)@(\d{8})$/.exec(id)?.slice(1).join('-') ?? null],
  ['display-name', (id) => (/\s/.test(id) ? id.trim().replace(/\s+/g, '-') : null)],
  ['dotted', (id) => (/\d\.\d/.test(id) ? id.replace(/(\d)\.(\d)/g, '$1-$2') : null)],
  [
    'wrong-order',
    (id) => {
      const m = /^claude-(\d+)((?:-\d+)?)-(opus|sonnet|haiku|fable|mythos)(-.*)?$/.exec(id);
      return m && Number(m[1]) >= 4 ? `claude-${m[3]}-${m[1]}${m[2]}${m[4] ?? ''}` : null;
    },
  ],
  ['extra-date', (id) => /^(claude-[a-z]+-\d+(?:-\d+)?)-20\d{6}$/.exec(id)?.[1] ?? null],
];

/** When several repairs were needed, the one to name first. */
const MISTAKE_ORDER: readonly ModelMistake[] = ['maybe-newer', 'display-name', 'claude-code-alias', 'wrong-order', 'dotted', 'cloud-id', 'extra-date', 'typo'];
const primaryMistake = (found: ModelMistake[]): ModelMistake | null =>
  MISTAKE_ORDER.find((m) => found.includes(m)) ?? null;

/** Verdicts that the static data cannot settle: the live model list may know better. */
const UNSETTLED: ReadonlySet<ModelMistake> = new Set(['typo', 'maybe-newer', 'unknown']);

export class ModelIndex {
  private readonly current = new Map<string, CurrentModel>();
  private readonly retired = new Map<string, Retirement>();
  private readonly cloudIds = new Map<string, string>();
  /** Per family, the newest version any id in the data names (current or retired). */
  private readonly newestVersion = new Map<string, [number, number]>();

  /** `liveIds`: ids the API listed for the bot's own key (GET /v1/models), treated as valid. */
  constructor(
    readonly data: ModelsData,
    private readonly liveIds: ReadonlySet<string> = new Set(),
  ) {
    for (const m of data.current) for (const id of [m.id, ...m.aliases]) this.current.set(id, m);
    for (const r of data.retired) for (const id of r.ids) this.retired.set(id, { date: r.retired, replacement: r.replacement });
    for (const m of data.current) for (const id of [...(m.cloud?.bedrock ?? []), ...(m.cloud?.vertex ?? [])]) if (id !== m.id) this.cloudIds.set(id, m.id);
    for (const id of [...this.current.keys(), ...this.retired.keys()]) {
      const parsed = parseModelId(id);
      if (!parsed?.family || !parsed.version) continue;
      const seen = this.newestVersion.get(parsed.family);
      if (!seen || compareVersions(parsed.version, seen) > 0) this.newestVersion.set(parsed.family, parsed.version);
    }
  }

  /** The same data, also trusting the ids the API's live model list returned. */
  withLiveIds(ids: ReadonlySet<string>): ModelIndex {
    return new ModelIndex(this.data, ids);
  }

  /** True when the data alone cannot vouch for `input`, so the live model list is worth asking. */
  needsLiveCheck(input: string): boolean {
    return UNSETTLED.has(this.classify(input).mistake);
  }

  /** Context window and output cap of a current id or alias. */
  limits(id: string): { contextWindow: number; maxOutput: number } | null {
    return this.current.get(id.toLowerCase()) ?? null;
  }

  /** The active model of a family — what to move to from a legacy one. */
  activeOf(family: string): string | null {
    return this.data.current.find((m) => m.family === family && m.status === 'active')?.id ?? null;
  }

  /** Says what is wrong with a model id and which current id to use. */
  classify(input: string): ModelVerdict {
    const raw = input.trim().replace(/^["'`]+|["'`]+$/g, '');
    let id = raw.toLowerCase();
    const found: ModelMistake[] = [];
    const verdict = (suggestion: string | null, retired: Retirement | null, fallback: ModelMistake, extra: Partial<ModelVerdict> = {}): ModelVerdict => ({
      input,
      mistake: primaryMistake(found) ?? fallback,
      mistakes: retired ? [...found, 'retired'] : found.length ? found : [fallback],
      suggestion,
      retired,
      repaired: null,
      deprecated: null,
      newer: this.newerThan(retired?.replacement ?? suggestion),
      basis: 'data',
      ...extra,
    });

    // "sonnet", "opus[1m]", "fable", and the common "sonnet4" are Claude Code names, not API ids.
    const aliasKey = id.replace(/^(sonnet|opus|haiku|fable)[\d.-]*(\[1m\])?$/, '$1$2');
    const alias = this.data.claudeCodeAliases.resolve[aliasKey];
    if (alias) {
      return { ...verdict(alias, null, 'claude-code-alias'), mistake: 'claude-code-alias', mistakes: ['claude-code-alias'] };
    }

    const fromCloud = this.cloudIds.get(id);
    if (fromCloud) {
      id = fromCloud;
      found.push('cloud-id');
    }
    // A snapshot date is only wrong on ids that never carry one; for a newer id it may be right.
    let beforeDate: string | null = null;
    for (const [kind, repair] of FORM_REPAIRS) {
      if (this.isKnown(id)) break;
      const fixed = repair(id);
      if (fixed && fixed !== id) {
        if (kind === 'extra-date') beforeDate = id;
        id = fixed;
        found.push(kind);
      }
    }
    const model = this.current.get(id);
    if (model) {
      const deprecated = model.deprecation ? { retires: model.deprecation.retires, replacement: model.deprecation.replacement } : null;
      return verdict(found.length ? id : null, null, 'valid', { deprecated, newer: this.newerThan(deprecated?.replacement ?? id) });
    }
    if (this.liveIds.has(id)) return verdict(found.length ? id : null, null, 'valid', { basis: 'live', newer: null });
    const retired = this.retired.get(id) ?? this.retiredWithOtherDate(id, found);
    if (retired) return verdict(retired.replacement, retired, 'retired');
    if (this.mayBeNewer(id)) {
      const forms = found.filter((m) => m !== 'extra-date');
      const spelled = beforeDate ?? id;
      found.splice(0, found.length, 'maybe-newer', ...forms);
      return verdict(null, null, 'maybe-newer', { repaired: forms.length > 0 ? spelled : null, newer: null });
    }
    return this.nearest(id, found, verdict);
  }

  private isKnown(id: string): boolean {
    return this.current.has(id) || this.retired.has(id) || this.liveIds.has(id);
  }

  /** For a legacy id: the active model of its family; null for an active or unknown id. */
  private newerThan(id: string | null): string | null {
    const model = id ? this.current.get(id) : undefined;
    if (!model || model.status === 'active') return null;
    return this.activeOf(model.family);
  }

  /**
   * An id of a known family with a version past anything in the data ("claude-opus-6"), or of a
   * family the data has never seen ("claude-lyric-1") — released after the data was verified, as
   * far as we can tell. A misspelt family ("claude-sonet-5") is a typo, not a new family.
   */
  private mayBeNewer(id: string): boolean {
    const parsed = parseModelId(id);
    if (!parsed?.family || !parsed.version) return false;
    const newest = this.newestVersion.get(parsed.family);
    if (newest) return compareVersions(parsed.version, newest) > 0;
    return [...this.newestVersion.keys()].every((family) => editDistance(parsed.family!, family, 2) > 2);
  }

  /** "claude-3-7-sonnet-20250125": a real family with a date that never existed. */
  private retiredWithOtherDate(id: string, found: ModelMistake[]): Retirement | null {
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
    verdict: (s: string | null, r: Retirement | null, f: ModelMistake) => ModelVerdict,
  ): ModelVerdict {
    let best: { id: string; d: number } | null = null;
    for (const candidate of [...this.current.keys(), ...this.liveIds]) {
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
    const family = /opus|sonnet|haiku|fable|mythos/.exec(id)?.[0];
    return verdict(family ? this.activeOf(family) : null, null, 'unknown');
  }
}
