export * from './outcome-fold';
export * from './outcome-linkage';
export * from './replay-outcomes';
