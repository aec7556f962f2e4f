export * from './port';
export * from './open-event-store';
export { SqliteEventStore, SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export * from './read-all-events';
export { backupStore, restoreStore, verifyBackup, BackupSummary } from './sqlite/backup';
export { COPY_MARK_CHECKPOINT, storeIdentity, sameHistory } from './store-identity';
export { discoveryWarning, hostsOf, redactCredentials } from './store-url';
export { failCli } from './cli-exit';
