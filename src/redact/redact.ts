import { SECRET_RULES, type SecretRule } from './rules';

export interface RedactionFinding {
  rule: string;
  /** True when it is clearly a live credential; the user is asked to rotate it. */
  strict: boolean;
}

export interface RedactionResult {
  text: string;
  findings: RedactionFinding[];
  /** At least one strict finding: the reply tells the user (privately) to rotate the secret. */
  secretDetected: boolean;
}

/** Placeholders people paste in docs and bug reports; masking them is fine, warning is not. */
const PLACEHOLDER = /(x{4,}|\*{4,}|\.{3}|<[^>]*>|your[_-]?(api[_-]?)?key|example|placeholder|dummy|test[_-]?key|0{8,}|1234567)/i;

function isStrict(rule: SecretRule, secret: string): boolean {
  if (!rule.strict || PLACEHOLDER.test(secret)) return false;
  return rule.strict.test(secret);
}

/**
 * Masks every secret in `text`. Runs before anything else in the pipeline, so nothing downstream
 * (logs, the model call, replies) can see a pasted credential.
 */
export function redactSecrets(text: string): RedactionResult {
  const findings: RedactionFinding[] = [];
  let out = text;
  for (const rule of SECRET_RULES) {
    if (!rule.keywords.some((k) => out.includes(k))) continue;
    rule.pattern.lastIndex = 0;
    out = out.replace(rule.pattern, (match: string, ...groups: unknown[]) => {
      // The kept prefix (group 1) is not part of the secret itself.
      const prefix = typeof groups[0] === 'string' && rule.mask.startsWith('$1') ? groups[0] : '';
      const secret = match.slice(prefix.length);
      findings.push({ rule: rule.id, strict: isStrict(rule, rule.id === 'anthropic-key' ? match : secret) });
      return rule.mask.replace('$1', prefix);
    });
  }
  return { text: out, findings, secretDetected: findings.some((f) => f.strict) };
}

/** True when text still holds something that looks like a credential (defence in depth). */
export function looksLikeSecret(text: string): boolean {
  return redactSecrets(text).findings.length > 0;
}
