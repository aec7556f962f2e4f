export * from './vocabulary';
export * from './envelope';
export * from './ids';
export * from './patient-key';
export * from './registry';
export * from './serialization';
export * from './http/command-bodies';
export * as EventSchemas from './schemas';
export * from './http/views';
