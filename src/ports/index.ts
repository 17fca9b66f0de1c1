export * from './doctor';
export * from './fallback';
export * from './observer';
export * from './ocr';
