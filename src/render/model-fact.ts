import type { ModelMistake, ModelVerdict } from '../models';

const WHAT: Record<Exclude<ModelMistake, 'maybe-newer'>, string> = {
  valid: 'is a valid id',
  typo: 'looks like a typo',
  'claude-code-alias': 'is a Claude Code alias, not an API model id',
  'display-name': 'is a display name, not a model id',
  dotted: 'uses dots; Anthropic ids use hyphens (dotted names are gateway / OpenRouter style)',
  'wrong-order': 'has the parts in the wrong order; the family comes first (claude-sonnet-5-5, not claude-5-5-sonnet)',
  'cloud-id': 'is a Bedrock / Vertex id; the Claude API uses its own ids',
  'extra-date': 'has a date appended; ids from the 4.6 generation on have no date',
  retired: 'names a retired model',
  unknown: 'is not a model id I know',
};

const listNote = (verified: string) => `Model list verified ${verified}; \`GET /v1/models\` shows what your key can use.`;
/** `subject` is the id the advice names, when it is not the one the user sent. */
const legacyNote = (v: ModelVerdict, subject: string | null) =>
  v.newer ? ` ${subject ? `\`${subject}\` is itself` : 'It is'} a legacy model now; the current one is \`${v.newer}\`.` : '';

/** "retires on 2027-01-22", or, once that day has passed without the data saying "retired", that it may be gone. */
function retirement(retires: string, now: Date): string {
  return retires < now.toISOString().slice(0, 10)
    ? `was due to retire on ${retires} and may already be gone`
    : `retires on ${retires}`;
}

function deprecatedLine(v: ModelVerdict, d: NonNullable<ModelVerdict['deprecated']>, verified: string, now: Date): string {
  const id = v.suggestion ?? v.input;
  return (
    `\`${id}\` names a deprecated model: it ${retirement(d.retires, now)}, and a deprecated model is closed to organisations that have not used it (a 404 for them). ` +
    `Use \`${d.replacement}\` (the official replacement).${legacyNote(v, d.replacement)} ${listNote(verified)}`
  );
}

/** One line: what is wrong with the model id the user sent and what to send instead. */
export function describeModelVerdict(v: ModelVerdict, verified: string, now: Date = new Date()): string | null {
  if (v.mistake === 'maybe-newer') {
    const spelled = v.repaired ? ` If it is a new model, the API spells it \`${v.repaired}\`.` : '';
    return `\`${v.input}\` is not in my model list (verified ${verified}) — it may be newer; \`GET /v1/models\` shows what your key can use.${spelled}`;
  }
  if (v.mistake === 'valid' && v.basis === 'live') {
    return `\`${v.input}\` is in the model list the API returns to this bot's own key (\`GET /v1/models\`), though newer than my list (verified ${verified}); the key you used may lack access to it, or the request went to a platform that names it differently.`;
  }
  if (v.deprecated && (v.mistake === 'valid' || !v.suggestion)) return deprecatedLine(v, v.deprecated, verified, now);
  if (v.mistake === 'valid') {
    return `\`${v.input}\` is a valid model id (checked against the list verified ${verified}); the key may lack access to it, or the request went to a platform that names it differently.${legacyNote(v, null)}`;
  }
  const parts = [`\`${v.input}\` ${WHAT[v.mistake]}`];
  if (v.retired && v.mistake !== 'retired') parts.push(`, and that model was retired on ${v.retired.date}`);
  else if (v.retired) parts.push(`(retired ${v.retired.date})`);
  const use = v.suggestion ? `. Use \`${v.suggestion}\`` : '';
  const official = v.retired ? ' (the official replacement)' : '';
  const deprecated = v.deprecated ? `; that model is deprecated and ${retirement(v.deprecated.retires, now)} — better \`${v.deprecated.replacement}\`` : '';
  return `${parts.join(' ').replace(' ,', ',')}${use}${official}${deprecated}.${legacyNote(v, v.suggestion)} ${listNote(verified)}`;
}
