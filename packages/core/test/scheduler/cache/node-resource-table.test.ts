import { describe, expect, it } from '@jest/globals';
import { NodeResourceTable } from '../../../src/scheduler/cache/node-resource-table.js';

describe('NodeResourceTable', () => {
  it('hands out distinct rows and keeps their values when it grows', () => {
    const table = new NodeResourceTable();
    const rows = Array.from({ length: 200 }, () => table.acquire());
    expect(new Set(rows).size).toBe(200);
    rows.forEach((row) => {
      table.requestedMemory[row] = row * 1024;
    });
    table.acquire();
    expect(rows.map((row) => table.requestedMemory[row])).toEqual(rows.map((row) => row * 1024));
    expect(table.size).toBe(201);
  });

  it('reuses a released row, zeroed', () => {
    const table = new NodeResourceTable();
    const row = table.acquire();
    table.allocatableMilliCpu[row] = 4000;
    table.nonZeroRequestedMemory[row] = 1;
    table.release(row);
    expect(table.size).toBe(0);
    expect(table.acquire()).toBe(row);
    expect(table.allocatableMilliCpu[row]).toBe(0);
    expect(table.nonZeroRequestedMemory[row]).toBe(0);
  });
});
