export * from './helpers';
export * from './replies';
export * from './server';
