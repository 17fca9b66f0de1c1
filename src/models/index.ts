export { loadModels } from './load';
export { type ModelMistake, ModelIndex, type ModelVerdict } from './nearest';
export type { CurrentModel, ModelsData } from './schema';
export { type ModelState, modelStateOf, shippedModelState } from './state';
