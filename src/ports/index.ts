export * from './doctor';
export * from './fallback';
export * from './observer';
export * from './ocr';
export * from './status';
export * from './store';
export * from './review';
