import { describe, expect, it } from '@jest/globals';
import { isDeletingDependents } from '../../../src/controllers/garbage-collector/index.js';

const DELETED_AT = '2025-01-01T00:00:00Z';

describe('isDeletingDependents', () => {
  it('is true for an object being deleted with the foregroundDeletion finalizer', () => {
    expect(
      isDeletingDependents({
        metadata: {
          deletionTimestamp: DELETED_AT,
          finalizers: ['example.com/a', 'foregroundDeletion'],
        },
      }),
    ).toBe(true);
  });

  it('is false for an object being deleted without it, or not being deleted', () => {
    expect(
      isDeletingDependents({ metadata: { deletionTimestamp: DELETED_AT, finalizers: ['orphan'] } }),
    ).toBe(false);
    expect(isDeletingDependents({ metadata: { deletionTimestamp: DELETED_AT } })).toBe(false);
    expect(isDeletingDependents({ metadata: { finalizers: ['foregroundDeletion'] } })).toBe(false);
    expect(isDeletingDependents({})).toBe(false);
  });
});
