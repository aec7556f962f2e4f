export * from './intake';
export * from './triage';
export * from './follow-through';
export * from './world';
export * from './closed-loop';
