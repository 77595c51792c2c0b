/**
 * Durable backends for the store. For now: a snapshot kept in a file.
 *
 * @module
 */
export type { SnapshotFileError } from './snapshot-file.js';
export { readSnapshotFile, writeSnapshotFile } from './snapshot-file.js';
