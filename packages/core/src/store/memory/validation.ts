/**
 * Checks on what callers hand the in-memory store, so that bad input is a clear
 * `InvalidRequest` and never reaches (or corrupts) the state.
 *
 * @module
 */
import type { InvalidRequest } from '../store-error.js';
import { invalidRequest } from '../store-error.js';
import type { StoreSnapshot } from '../snapshot.js';
import { SNAPSHOT_FORMAT } from '../snapshot.js';

/** Checks a key: a non-empty string. */
export function validateKey(key: unknown, field: string): InvalidRequest | undefined {
  if (typeof key !== 'string') {
    return invalidRequest(field, `must be a string, got ${typeof key}`);
  }
  if (key.length === 0) {
    return invalidRequest(field, 'must not be empty');
  }
  return undefined;
}

/** Checks a key range: `{ key }` with a valid key, or `{ prefix, from? }` with strings. */
export function validateKeyRange(range: unknown, field: string): InvalidRequest | undefined {
  if (typeof range !== 'object' || range === null) {
    return invalidRequest(field, 'must be { key } or { prefix, from? }');
  }
  if ('key' in range) {
    return validateKey(range.key, `${field}.key`);
  }
  if (!('prefix' in range) || typeof range.prefix !== 'string') {
    return invalidRequest(`${field}.prefix`, 'must be a string (or give "key")');
  }
  if ('from' in range && range.from !== undefined && typeof range.from !== 'string') {
    return invalidRequest(`${field}.from`, 'must be a string');
  }
  return undefined;
}

const NUMERIC_TARGETS = new Set(['modRevision', 'createRevision', 'version']);
const OPERATORS = new Set(['=', '!=', '<', '>']);

/** Checks one transaction comparison. */
export function validateCompare(compare: unknown, field: string): InvalidRequest | undefined {
  if (typeof compare !== 'object' || compare === null) {
    return invalidRequest(field, 'must be an object');
  }
  const c = compare as Record<string, unknown>;
  const invalidKey = validateKey(c['key'], `${field}.key`);
  if (invalidKey !== undefined) {
    return invalidKey;
  }
  if (c['target'] === 'present') {
    return typeof c['value'] === 'boolean'
      ? undefined
      : invalidRequest(`${field}.value`, 'must be true or false for target "present"');
  }
  if (typeof c['target'] !== 'string' || !NUMERIC_TARGETS.has(c['target'])) {
    return invalidRequest(
      `${field}.target`,
      `must be one of modRevision, createRevision, version, present; got ${JSON.stringify(c['target'])}`,
    );
  }
  if (typeof c['operator'] !== 'string' || !OPERATORS.has(c['operator'])) {
    return invalidRequest(
      `${field}.operator`,
      `must be one of =, !=, <, >; got ${JSON.stringify(c['operator'])}`,
    );
  }
  if (typeof c['value'] !== 'number' || !Number.isFinite(c['value'])) {
    return invalidRequest(`${field}.value`, 'must be a finite number');
  }
  return undefined;
}

function isWholeNumber(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

/**
 * Checks that a snapshot is internally consistent before anything is loaded:
 * revisions in order and in bounds, histories well formed, events matching
 * histories, leases live for every key attached to one.
 */
export function validateSnapshot<V>(snapshot: StoreSnapshot<V>): InvalidRequest | undefined {
  const s: unknown = snapshot;
  if (typeof s !== 'object' || s === null) {
    return invalidRequest('snapshot', 'must be an object');
  }
  if (snapshot.format !== SNAPSHOT_FORMAT) {
    return invalidRequest(
      'format',
      `must be ${JSON.stringify(SNAPSHOT_FORMAT)}, got ${JSON.stringify(snapshot.format)}`,
    );
  }
  const { revision, compactRevision } = snapshot;
  if (!isWholeNumber(revision, 0)) {
    return invalidRequest('revision', 'must be a non-negative whole number');
  }
  if (!isWholeNumber(compactRevision, 0) || compactRevision > revision) {
    return invalidRequest(
      'compactRevision',
      `must be a whole number from 0 to revision (${revision})`,
    );
  }
  const lists: unknown[] = [snapshot.keys, snapshot.events, snapshot.leases];
  if (!lists.every((list) => Array.isArray(list))) {
    return invalidRequest('snapshot', 'keys, events and leases must be lists');
  }
  const leaseIds = new Set<number>();
  for (let i = 0; i < snapshot.leases.length; i++) {
    const lease = snapshot.leases[i]!;
    if (!isWholeNumber(lease.id, 1) || leaseIds.has(lease.id)) {
      return invalidRequest(`leases[${i}].id`, 'must be a unique positive whole number');
    }
    if (!(typeof lease.ttl === 'number' && lease.ttl > 0)) {
      return invalidRequest(`leases[${i}].ttl`, 'must be positive');
    }
    if (!(typeof lease.remaining === 'number' && lease.remaining >= 0)) {
      return invalidRequest(`leases[${i}].remaining`, 'must not be negative');
    }
    leaseIds.add(lease.id);
  }
  if (
    !isWholeNumber(snapshot.nextLeaseId, 1) ||
    [...leaseIds].some((id) => id >= snapshot.nextLeaseId)
  ) {
    return invalidRequest('nextLeaseId', 'must be a whole number above every lease id');
  }
  // Per key: where its retained events start.
  const unconsumed = new Map<
    string,
    { history: StoreSnapshot<V>['keys'][number]['history']; next: number }
  >();
  let previousKey: string | undefined;
  for (let i = 0; i < snapshot.keys.length; i++) {
    const field = `keys[${i}]`;
    const { key, history } = snapshot.keys[i]!;
    if (typeof key !== 'string' || key.length === 0) {
      return invalidRequest(`${field}.key`, 'must be a non-empty string');
    }
    if (previousKey !== undefined && key <= previousKey) {
      return invalidRequest(`${field}.key`, 'keys must be unique and in order');
    }
    previousKey = key;
    const entries: unknown = history;
    if (!Array.isArray(entries) || history.length === 0) {
      return invalidRequest(`${field}.history`, 'must be a non-empty list');
    }
    let lastRevision = 0;
    for (let j = 0; j < history.length; j++) {
      const entry = history[j]!;
      const at = `${field}.history[${j}]`;
      if (entry.key !== key) {
        return invalidRequest(`${at}.key`, `must be ${JSON.stringify(key)}`);
      }
      if (
        !isWholeNumber(entry.modRevision, 1) ||
        entry.modRevision <= lastRevision ||
        entry.modRevision > revision
      ) {
        return invalidRequest(
          `${at}.modRevision`,
          `must increase along the history and not exceed revision ${revision}`,
        );
      }
      lastRevision = entry.modRevision;
      if (entry.version === 0) {
        if (entry.createRevision !== 0 || entry.lease !== 0) {
          return invalidRequest(at, 'a deletion has createRevision, version and lease 0');
        }
      } else if (
        !isWholeNumber(entry.version, 1) ||
        !isWholeNumber(entry.createRevision, 1) ||
        entry.createRevision > entry.modRevision ||
        !isWholeNumber(entry.lease, 0)
      ) {
        return invalidRequest(
          at,
          'version, createRevision (at most modRevision) and lease must be whole numbers',
        );
      }
      if (entry.modRevision < compactRevision && (j > 0 || entry.version === 0)) {
        return invalidRequest(
          at,
          `only the first entry, a value, may be older than compactRevision ${compactRevision}`,
        );
      }
    }
    const last = history[history.length - 1]!;
    if (last.version !== 0 && last.lease !== 0 && !leaseIds.has(last.lease)) {
      return invalidRequest(
        `${field}.history[${history.length - 1}].lease`,
        `lease ${last.lease} is not among the snapshot's leases`,
      );
    }
    unconsumed.set(key, { history, next: history[0]!.modRevision < compactRevision ? 1 : 0 });
  }
  let lastEventRevision = 0;
  for (let i = 0; i < snapshot.events.length; i++) {
    const key = snapshot.events[i];
    const state = typeof key === 'string' ? unconsumed.get(key) : undefined;
    if (state === undefined || state.next >= state.history.length) {
      return invalidRequest(
        `events[${i}]`,
        `names ${JSON.stringify(key)}, which has no history entry left for it`,
      );
    }
    const entryRevision = state.history[state.next]!.modRevision;
    if (entryRevision < lastEventRevision) {
      return invalidRequest(`events[${i}]`, 'events must be in revision order');
    }
    lastEventRevision = entryRevision;
    state.next++;
  }
  for (const [key, state] of unconsumed) {
    if (state.next < state.history.length) {
      return invalidRequest(
        'events',
        `the history of ${JSON.stringify(key)} from revision ${state.history[state.next]!.modRevision} has no event`,
      );
    }
  }
  return undefined;
}
