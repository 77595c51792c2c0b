import { describe, expect, it } from '@jest/globals';
import { clusterTour } from '../../src/demo/cluster-tour.js';

describe('the cluster tour', () => {
  it('narrates a Website running on three nodes, then healing after node-2 dies', async () => {
    const lines: string[] = [];
    const startedAt = performance.now();
    await clusterTour((line) => lines.push(line));
    const elapsed = performance.now() - startedAt;
    const text = lines.join('\n');
    expect(text).toContain('node-1: Ready=True, pods from 10.244.0.0/24');
    expect(text).toMatch(/components: garbage-collector, .*, kube-proxy, website/);
    expect(text).toContain(
      '422 Invalid: spec.image: Invalid value: "": should be at least 1 chars long; ' +
        'spec.replicas: Invalid value: -1: should be greater than or equal to 0',
    );
    expect(text).toContain('deployment shop, controlled by Website shop');
    expect(text).toMatch(/service shop, controlled by Website shop: ClusterIP (10\.\d+\.\d+\.\d+)/);
    const clusterIP = /ClusterIP (\S+),/.exec(text)?.[1] ?? '';
    for (const node of ['node-1', 'node-2', 'node-3']) {
      expect(text).toMatch(
        new RegExp(`shop-[a-z0-9]+-[a-z0-9]{5} → ${node}: Running, Ready=True, IP 10\\.244\\.`),
      );
    }
    expect(text).toMatch(/endpoints shop: ready 10\.244\.\S+:8080, \S+:8080, \S+:8080\n/);
    expect(text).toMatch(
      new RegExp(`${clusterIP.replace(/\./g, '\\.')} → 10\\.244\\.\\d+\\.\\d+:8080 \\(shop-`),
    );
    expect(text).toContain(`website shop: 3/3 ready, url http://${clusterIP}`);
    expect(text).toMatch(
      /after (4\d|5\d)(\.\d+)?s: node-2 Ready=Unknown \(NodeStatusUnknown: Kubelet stopped posting node status\.\)/,
    );
    expect(text).toContain('tainted node.kubernetes.io/unreachable: NoExecute, NoSchedule');
    expect(text).toMatch(/→ node-2: Running, Ready=False/);
    expect(text).toMatch(/endpoints shop: ready \S+, \S+; not ready 10\.244\.1\.\d+:8080/);
    const afterDeath = text.slice(text.indexOf('node-2 dies'), text.indexOf('20. '));
    expect(afterDeath).toMatch(/→ 10\.244\.\d+\.\d+:8080 \(shop-\S+ on node-[13]\)/);
    expect(afterDeath).not.toMatch(/:8080 \(shop-\S+ on node-2\)/);
    expect(text).toContain(`website shop: 2/3 ready, url http://${clusterIP}`);
    expect(text).toMatch(/after 5m\d+(\.\d+)?s: evicted shop-\S+ → node-2: .*, terminating/);
    expect(text).toMatch(/replacement shop-\S+ → node-[13]: Running, Ready=True/);
    expect(text).toMatch(/after 5m\d+(\.\d+)?s: website shop: 3\/3 ready/);
    expect(text).not.toMatch(/NoReadyEndpoints|no kube-proxy/);
    expect(lines[lines.length - 1]).toMatch(
      /^Done: 6m\S* of cluster time in \d+ ms of wall time\.$/,
    );
    expect(elapsed).toBeLessThan(3_000);
  });

  it('tells the same story every time', async () => {
    const runs: string[] = [];
    for (let run = 0; run < 2; run++) {
      const lines: string[] = [];
      await clusterTour((line) => lines.push(line));
      runs.push(lines.slice(0, -1).join('\n'));
    }
    expect(runs[1]).toBe(runs[0]);
  });
});
