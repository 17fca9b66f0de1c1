import { DISPLAY_NAME_CUES, modelFromDisplayName } from '../models/display-name';
import { ALWAYS, type MayMatch } from '../scan';

const BEDROCK_ID = /\b((?:[a-z]{2,6}\.)?anthropic\.claude-[\w.:-]+)/;

/** Where a model id is written, most specific first. Group 1 is the id as the user sent it. */
const MODEL_PATTERNS: readonly RegExp[] = [
  /["']message["']\s*:\s*["']model: ([^"'}]{1,80}?)["']/, // 404 body: "message":"model: claude-3-5-sonnet-latest"
  /\bmodel: (claude-[\w.@:-]+)\)/, // rate-limit text: (org: ..., model: claude-opus-4-6)
  /\bpublishers\/\w+\/models\/([\w.@-]+)/, // Vertex resource path
  BEDROCK_ID,
  /\bmodel[=:]\s*["']?(claude-[\w.@:-]+)/i, // model=claude-..., "model":"claude-..."
  /\bANTHROPIC_MODEL=["']?([\w.@:-]+)/, // env
  /\bmodel=["']([\w.@:\- ]{1,60})["']/, // model="default"
  /["']model["']\s*:\s*["']([^"']{1,60})["']/, // request body
  // any claude model token — not claude-code, and not inside another name (bedrock-claude-4-5-sonnet is a gateway group)
  /(?<![\w.=-])(claude-(?:opus|sonnet|haiku|fable|mythos|instant|\d)[\w.@-]*[a-z0-9])/i,
];

/** Every pattern, for extraction's literal prefilter. */
export const MODEL_CUES: readonly RegExp[] = [...MODEL_PATTERNS, ...DISPLAY_NAME_CUES];

export function extractModel(flat: string, primaryMessage: string | null, may: MayMatch = ALWAYS): string | null {
  const fromMessage = primaryMessage ? /^model: (.{1,80})$/.exec(primaryMessage.trim())?.[1] : undefined;
  if (fromMessage) return fromMessage.trim();
  for (const re of MODEL_PATTERNS) {
    if (!may(re) || (re === BEDROCK_ID && !flat.includes('anthropic.claude'))) continue;
    const id = re.exec(flat)?.[1];
    if (id) return id.trim();
  }
  // No id written: a model named in prose ("Claude Sonnet 4.5 not found") stands for its id.
  return DISPLAY_NAME_CUES.some(may) ? modelFromDisplayName(flat) : null;
}
