export * from './fold-event';
export * from './helsinki-time';
export * from './measures/task-facts';
export * from './measures/load-reduction';
export * from './measures/percentile';
export * from './csv';
export * from './replay';
export * from './privacy/pseudonymiser';
