import { describe, expect, it } from '@jest/globals';
import { apiserverTour } from '../../src/demo/apiserver-tour.js';

describe('the apiserver tour', () => {
  it('narrates each step with the answers the apiserver really gave', async () => {
    const lines: string[] = [];
    await apiserverTour((line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toContain('NamesAccepted=True, Established=True');
    expect(text).toContain('created backup nightly (warnings: unknown field "spec.colour")');
    expect(text).toContain(
      '422 Invalid: spec.schedule: FieldValueRequired, spec.keep: FieldValueTypeInvalid',
    );
    expect(text).toMatch(/watch: ADDED nightly @ \d+\n {3}watch: MODIFIED nightly @ \d+/);
    expect(text).toContain('second writer: 409 Conflict');
    expect(text).toMatch(/created web-[a-z0-9]{5}: restartPolicy Always, grace 30s/);
    expect(text).toContain('deleting: deletionTimestamp 2025-01-01T00:00:35Z');
    expect(text).toContain(
      '403: pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
    );
    expect(text).toContain('alice lists 1 pod(s)');
    expect(text).toMatch(/deleted, and still there: deletionTimestamp 2025-01-01T00:00:05Z/);
    expect(text).toMatch(/watch: DELETED nightly @ \d+\nDone:/);
  });
});
