/**
 * A store snapshot kept in a file: the first durable backend piece.
 *
 * @module
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Either } from 'fp-ts/lib/Either.js';
import { left, right } from 'fp-ts/lib/Either.js';
import type { StoreSnapshot } from '@drydock/core';
import { SNAPSHOT_FORMAT } from '@drydock/core';

/** Reading or writing a snapshot file failed. */
export interface SnapshotFileError {
  readonly _tag: 'SnapshotFileError';
  /** The file. */
  readonly path: string;
  /** What went wrong: the file system's error, or why the content is not a snapshot. */
  readonly message: string;
}

function fileError(path: string, message: string): SnapshotFileError {
  return { _tag: 'SnapshotFileError', path, message: `${path}: ${message}` };
}

/**
 * Writes a snapshot as JSON, atomically: to a temporary file beside `path`, then
 * renamed over it, so a crash never leaves a half-written snapshot behind.
 *
 * Assumptions: the stored values are JSON-serialisable.
 */
export async function writeSnapshotFile<V>(
  path: string,
  snapshot: StoreSnapshot<V>,
): Promise<Either<SnapshotFileError, void>> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, JSON.stringify(snapshot));
    await rename(temporary, path);
    return right(undefined);
  } catch (error: unknown) {
    return left(fileError(path, describe(error)));
  }
}

/**
 * Reads a snapshot written by {@link writeSnapshotFile}. Checks the JSON and the
 * format tag; `MemoryStore.restore` checks the rest.
 */
export async function readSnapshotFile<V>(
  path: string,
): Promise<Either<SnapshotFileError, StoreSnapshot<V>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error: unknown) {
    return left(fileError(path, describe(error)));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    return left(fileError(path, `not JSON: ${describe(error)}`));
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !('format' in parsed) ||
    parsed.format !== SNAPSHOT_FORMAT
  ) {
    return left(fileError(path, `not a drydock store snapshot (format ${SNAPSHOT_FORMAT})`));
  }
  return right(parsed as StoreSnapshot<V>);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
