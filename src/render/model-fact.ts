import type { ModelMistake, ModelVerdict } from '../models';

const WHAT: Record<ModelMistake, string> = {
  valid: 'is a valid id',
  typo: 'looks like a typo',
  'claude-code-alias': 'is a Claude Code alias, not an API model id',
  'display-name': 'is a display name, not a model id',
  dotted: 'uses dots; Anthropic ids use hyphens (dotted names are gateway / OpenRouter style)',
  'wrong-order': 'has the parts in the wrong order; the family comes first (claude-sonnet-4-5, not claude-4-5-sonnet)',
  'cloud-id': 'is a Bedrock / Vertex id; the Claude API uses its own ids',
  'extra-date': 'has a date appended; ids from the 4.6 generation on have no date',
  retired: 'names a retired model',
  unknown: 'is not a model id I know',
};

/** One line: what is wrong with the model id the user sent and what to send instead. */
export function describeModelVerdict(v: ModelVerdict, lastVerified: string): string | null {
  if (v.mistake === 'valid') {
    return `\`${v.input}\` is a valid model id (checked against the list verified ${lastVerified}); the key may lack access to it, or the request went to a platform that names it differently.`;
  }
  const parts = [`\`${v.input}\` ${WHAT[v.mistake]}`];
  if (v.retired && v.mistake !== 'retired') parts.push(`and that model was retired on ${v.retired.date}`);
  else if (v.retired) parts.push(`(retired ${v.retired.date})`);
  const use = v.suggestion ? `. Use \`${v.suggestion}\`` : '';
  const official = v.retired ? ' (the official replacement)' : '';
  return `${parts.join(' ')}${use}${official}. Model list verified ${lastVerified}; \`GET /v1/models\` shows what your key can use.`;
}
