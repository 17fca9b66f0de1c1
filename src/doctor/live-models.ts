import type { ModelIndex } from '../models';
import type { LiveModelList } from '../ports';

/**
 * The model index to answer with: the models data, plus the API's live model list when the data
 * cannot vouch for the pasted id (a typo, or maybe a model newer than the data). Pastes that name
 * no model, or a model the data knows, never wait for the list.
 */
export async function modelsFor(models: ModelIndex, model: string | null, live: LiveModelList | undefined): Promise<ModelIndex> {
  if (!live || !model || !models.needsLiveCheck(model)) return models;
  const ids = await live.ids().catch(() => null);
  return ids ? models.withLiveIds(ids) : models;
}
