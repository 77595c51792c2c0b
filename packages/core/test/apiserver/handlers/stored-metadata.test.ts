import { describe, expect, it } from '@jest/globals';
import { deepFreeze, type ApiObject } from '../../../src/apiserver/index.js';
import { withStoredMetadataIfUnchanged } from '../../../src/apiserver/handlers/stored-metadata.js';

const labels = deepFreeze({ app: 'web' });
const stored: ApiObject = deepFreeze({
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', labels, uid: 'u1' },
  status: { phase: 'Pending' },
});

describe('withStoredMetadataIfUnchanged', () => {
  it('shares the stored metadata when the new one has the same fields in the same order', () => {
    const changed = {
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default', labels, uid: 'u1' },
      status: { phase: 'Running' },
    };
    const result = withStoredMetadataIfUnchanged(changed, stored);
    expect(result.metadata).toBe(stored.metadata);
    expect(result['status']).toBe(changed.status);
    expect(JSON.stringify(result)).toBe(JSON.stringify(changed));
    expect(changed.metadata).not.toBe(stored.metadata);
  });

  it('keeps the new metadata when a value differs, even by reference only', () => {
    for (const metadata of [
      { name: 'web', namespace: 'default', labels: { app: 'web' }, uid: 'u1' },
      { name: 'web', namespace: 'default', labels, uid: 'u2' },
      { name: 'web', namespace: 'default', labels },
      { name: 'web', namespace: 'default', labels, uid: 'u1', generation: 2 },
    ]) {
      const changed = { kind: 'Pod', metadata };
      expect(withStoredMetadataIfUnchanged(changed, stored)).toBe(changed);
    }
  });

  it('keeps the new metadata when its fields come in another order', () => {
    const changed = {
      kind: 'Pod',
      metadata: { namespace: 'default', name: 'web', labels, uid: 'u1' },
    };
    expect(withStoredMetadataIfUnchanged(changed, stored)).toBe(changed);
  });

  it('leaves objects without metadata as they are', () => {
    const changed = { kind: 'Pod' };
    expect(withStoredMetadataIfUnchanged(changed, stored)).toBe(changed);
    expect(withStoredMetadataIfUnchanged(stored, { kind: 'Pod' })).toBe(stored);
  });
});
