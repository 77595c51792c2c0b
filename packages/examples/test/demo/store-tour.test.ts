import { describe, expect, it } from '@jest/globals';
import { storeTour } from '../../src/demo/store-tour.js';

describe('the store tour', () => {
  it('narrates each step with the outcomes the store really produced', async () => {
    const lines: string[] = [];
    await storeTour((line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toContain('created pod web-1 at revision 1');
    expect(text).toContain('created pod web-2 at revision 2');
    expect(text).toContain('watch: PUT web-1 @ revision 1');
    expect(text).toContain('watch: PUT web-1 @ revision 3');
    expect(text).toContain('scheduler: updated at revision 4');
    expect(text).toContain('kubelet: conflict');
    expect(text).toContain(
      'lease watch: DELETE /registry/leases/kube-node-lease/node-1 at 2025-01-01T00:01:10.000Z',
    );
    expect(text).toMatch(/read at revision 1: Compacted/);
    expect(text).toContain('values shared: true');
    expect(text).toMatch(/Done: 11m10s of cluster time/);
  });
});
