export * from './doctor';
export * from './fallback';
export * from './observer';
export * from './ocr';
export * from './status';
export * from './model-list';
export * from './store';
export * from './review';
