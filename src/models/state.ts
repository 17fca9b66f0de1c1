import { loadModels } from './load';
import { parseModelId } from './model-id';
import { ModelIndex } from './nearest';

/**
 * What the models data says of a model id a paste names, for the catalogue's `modelId` condition:
 * - `served`: an id (or alias) the Claude API serves;
 * - `retired`: an id the data lists as retired on the Claude API (so it answers 404 now);
 * - `unknown`: a Claude-shaped id the API does not serve — a typo, a display name, an alias, a
 *   wrong order — and no newer release than the data knows.
 * null when the data cannot say: no id, another vendor's name, a Bedrock / Vertex AI id (those
 * platforms retire on their own schedules), or an id newer than the data.
 */
export type ModelState = 'served' | 'retired' | 'unknown';


export function modelStateOf(models: ModelIndex, id: string): ModelState | null {
  const verdict = models.classify(id);
  if (verdict.mistakes.includes('cloud-id') || verdict.mistake === 'maybe-newer') return null;
  if (verdict.mistake === 'valid') return 'served';
  if (verdict.retired) return 'retired';
  if (verdict.mistake === 'claude-code-alias') return 'unknown';
  // A model's name carries a version ("claude-sonet-4"); another Claude product (claude-code) does not.
  return parseModelId(id.trim().toLowerCase())?.version ? 'unknown' : null;
}

let shipped: ModelIndex | undefined;
let last: { id: string; state: ModelState | null } | undefined;

/**
 * The state of `id` in the shipped catalog/models.yaml: the catalogue reads the shipped data, as it
 * reads its own patterns. The index is built on first use; the last answer is kept, since every rule
 * that asks within one paste asks about the same id.
 */
export function shippedModelState(id: string): ModelState | null {
  if (last?.id === id) return last.state;
  shipped ??= new ModelIndex(loadModels());
  last = { id, state: modelStateOf(shipped, id) };
  return last.state;
}
