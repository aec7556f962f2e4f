export * from './outcome-fold';
export * from './outcome-linkage';
export * from './outcome-columns';
export * from './replay-outcomes';
