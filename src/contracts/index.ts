export * from './categories';
export * from './clients';
export * from './diagnosis';
export * from './inquiry';
export * from './reply';
export * from './signals';
export * from './trace';
