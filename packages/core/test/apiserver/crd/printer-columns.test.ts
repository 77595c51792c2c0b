import { describe, expect, it } from '@jest/globals';
import { printerColumnCells } from '../../../src/apiserver/crd/index.js';
import { MY_CRONTAB } from './crontab-fixture.js';

const OBJECT = {
  ...MY_CRONTAB,
  spec: { ...MY_CRONTAB.spec, replicas: 2, ratio: 2.7, suspend: false, tags: ['a'] },
  status: { conditions: [{ type: 'Ready', status: 'True' }], lastRun: 'yesterday' },
};

describe('printerColumnCells', () => {
  it('formats each column by its type', () => {
    expect(
      printerColumnCells(OBJECT, [
        { type: 'string', jsonPath: '.spec.cronSpec' },
        { type: 'integer', jsonPath: '.spec.replicas' },
        { type: 'integer', jsonPath: '.spec.ratio' },
        { type: 'number', jsonPath: '.spec.ratio' },
        { type: 'boolean', jsonPath: '.spec.suspend' },
        { type: 'date', jsonPath: '.metadata.creationTimestamp' },
        { type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
        { type: 'string', jsonPath: '.spec.replicas' },
        { type: 'string', jsonPath: '.spec.tags' },
      ]),
    ).toStrictEqual([
      '* * * * */5',
      2,
      2,
      2.7,
      false,
      '2024-05-01T12:00:00Z',
      'True',
      '2',
      '["a"]',
    ]);
  });

  it.each([
    ['a path that leads nowhere', { type: 'string', jsonPath: '.spec.missing' }, null],
    ['a path that does not parse', { type: 'string', jsonPath: 'spec.image' }, null],
    ['a string in an integer column', { type: 'integer', jsonPath: '.spec.image' }, null],
    ['a number in a boolean column', { type: 'boolean', jsonPath: '.spec.replicas' }, null],
    ['a string in a number column', { type: 'number', jsonPath: '.spec.image' }, null],
    ['a number in a date column', { type: 'date', jsonPath: '.spec.replicas' }, null],
    [
      'a string that is not a timestamp in a date column',
      { type: 'date', jsonPath: '.status.lastRun' },
      '<invalid>',
    ],
    ['a column of an unknown type', { type: 'quantity', jsonPath: '.spec.replicas' }, null],
  ])('gives %s the cell %p', (_name, column, expected) => {
    expect(printerColumnCells(OBJECT, [column])).toStrictEqual([expected]);
  });
});
