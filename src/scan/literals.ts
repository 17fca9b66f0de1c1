/**
 * Derives a cheap prefilter from a regex: for each top-level alternative, the longest run of
 * literal characters that every match must contain. If the text holds none of them, the regex
 * cannot match and is not run (the keyword idea from gitleaks, without writing keywords twice).
 * Returns null when some alternative has no usable literal. A non-ASCII character counts twice
 * towards `minLength`: one CJK character is as rare in a paste as two Latin letters.
 */
export function requiredLiterals(source: string, minLength = 4): string[] | null {
  const branches = splitTopLevel(source);
  const out: string[] = [];
  for (const branch of branches) {
    const best = longestLiteral(branch);
    if (weight(best) >= minLength) {
      out.push(best.toLowerCase());
      continue;
    }
    // No long literal outside groups: a mandatory group whose every alternative has one will do
    // ("\\b(?:SELF_SIGNED_CERT|CERT_HAS_EXPIRED)\\b").
    const inner = mandatoryGroups(branch)
      .map((group) => requiredLiterals(group, minLength))
      .find((literals): literals is string[] => literals !== null);
    if (!inner) return null;
    out.push(...inner);
  }
  return out;
}

function weight(literal: string): number {
  let w = literal.length;
  for (let i = 0; i < literal.length; i++) if (literal.charCodeAt(i) > 0x7f) w++;
  return w;
}

/** The contents of the top-level groups that every match must pass through (not followed by ?, *, {0). */
function mandatoryGroups(branch: string): string[] {
  const groups: string[] = [];
  let start = -1;
  walkStructure(branch, (i, c, depth) => {
    if (depth !== 0) return;
    if (c === '(') start = i + 1;
    if (c !== ')') return;
    const next = branch[i + 1];
    if (next === '?' || next === '*' || (next === '{' && branch[i + 2] === '0')) return;
    const body = branch.slice(start, i);
    // Lookarounds are not content; a group's own prefix ((?: or (?<name>) is not either.
    if (!/^\?(?:[=!]|<[=!])/.test(body)) groups.push(body.replace(/^\?(?::|<[A-Za-z]\w*>)/, ''));
  });
  return groups;
}

/** Calls `visit` for every parenthesis and `|` outside character classes and escapes, with its depth. */
function walkStructure(source: string, visit: (i: number, c: '(' | ')' | '|', depth: number) => void): void {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') visit(i, c, depth++);
    else if (c === ')') visit(i, c, --depth);
    else if (c === '|') visit(i, c, depth);
  }
}

export function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let start = 0;
  walkStructure(source, (i, c, depth) => {
    if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  });
  parts.push(source.slice(start));
  return parts;
}

const ESCAPED_LITERAL = /[.\-/\\()[\]{}*+?^$|'"` :=,#@!%&~<>]/;

/** Longest run of characters at depth 0 that are certainly part of every match. */
function longestLiteral(branch: string): string {
  let best = '';
  let run = '';
  let depth = 0;
  let inClass = false;
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < branch.length; i++) {
    const c = branch[i]!;
    const next = branch[i + 1];
    const optional = (at: number) => branch[at] === '?' || branch[at] === '*' || (branch[at] === '{' && branch[at + 1] === '0');
    if (inClass) {
      if (c === '\\') i++;
      else if (c === ']') inClass = false;
      continue;
    }
    if (depth > 0) {
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0) end();
      }
      continue;
    }
    if (c === '(') {
      end();
      depth = 1;
      continue;
    }
    if (c === '[') {
      end();
      inClass = true;
      continue;
    }
    // A counted quantifier ({2}, {0,20}) is syntax, not text: skip its digits.
    const counted = c === '{' ? /^\{\d*(?:,\d*)?\}/.exec(branch.slice(i)) : null;
    if (counted) {
      end();
      i += counted[0].length - 1;
      continue;
    }
    let literal: string | null = null;
    let width = 1;
    if (c === '\\' && next !== undefined) {
      literal = ESCAPED_LITERAL.test(next) ? next : null;
      width = 2;
    } else if (!'.^$*+?{}|'.includes(c)) literal = c;
    if (literal === null) {
      end();
      i += width - 1;
      continue;
    }
    if (optional(i + width)) {
      end();
      i += width - 1;
      continue;
    }
    run += literal;
    i += width - 1;
    // Repeated (x+, x{2,}): the character is required, but what follows need not come right after it.
    if (branch[i + 1] === '+' || branch[i + 1] === '{') end();
  }
  end();
  return best;
}
