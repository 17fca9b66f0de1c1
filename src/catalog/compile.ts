import { requiredLiterals } from '../scan';
import type { CatalogEntry, CatalogRule } from './schema';

/** A rule ready to run: regexes compiled once, keywords lower-cased. */
export interface CompiledRule extends Omit<CatalogRule, 'pattern' | 'unless' | 'keywords' | 'allKeywords'> {
  pattern?: RegExp;
  /** Lower-case strings of which the text must hold one for `pattern` to be able to match. */
  patternLiterals?: string[];
  unless?: RegExp;
  unlessLiterals?: string[];
  keywords?: string[];
  allKeywords?: string[];
}

export interface CompiledEntry extends Omit<CatalogEntry, 'match'> {
  match: CompiledRule[];
}

export function compileEntry(entry: CatalogEntry): CompiledEntry {
  return {
    ...entry,
    // YAML block scalars end in a newline; trimmed once here rather than on every reply.
    cause: entry.cause.trim(),
    fix: entry.fix.map((step) => step.trim()),
    match: entry.match.map((rule) => ({
      ...rule,
      pattern: rule.pattern === undefined ? undefined : new RegExp(rule.pattern, 'i'),
      patternLiterals: rule.pattern === undefined ? undefined : (requiredLiterals(rule.pattern) ?? undefined),
      unless: rule.unless === undefined ? undefined : new RegExp(rule.unless, 'i'),
      unlessLiterals: rule.unless === undefined ? undefined : (requiredLiterals(rule.unless) ?? undefined),
      keywords: rule.keywords?.map((k) => k.toLowerCase()),
      allKeywords: rule.allKeywords?.map((k) => k.toLowerCase()),
    })),
  };
}
