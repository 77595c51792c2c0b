import { describe, expect, it } from '@jest/globals';
import type { JSONSchemaProps } from '../../../src/api/codec/index.js';
import {
  applySchemaDefaults,
  printerColumnCells,
  pruneBySchema,
  validateAgainstSchema,
} from '../../../src/apiserver/crd/index.js';
import { CRONTAB_CRD, CRONTAB_SCHEMA, MY_CRONTAB } from './crontab-fixture.js';

// What the apiserver does with a custom resource it receives: prune, default, validate.
function admit(body: unknown, schema: JSONSchemaProps) {
  const pruned = pruneBySchema(body, schema);
  const value = applySchemaDefaults(pruned.value, schema);
  return {
    value,
    unknownFields: pruned.unknownFields,
    errors: validateAgainstSchema(value, schema),
  };
}

describe('pruning, defaulting and validating a crontab', () => {
  it('admits a crontab with its unknown fields dropped and its replicas defaulted', () => {
    const body = { ...MY_CRONTAB, spec: { ...MY_CRONTAB.spec, typo: 1 } };
    expect(admit(body, CRONTAB_SCHEMA)).toStrictEqual({
      value: { ...MY_CRONTAB, spec: { ...MY_CRONTAB.spec, replicas: 1 } },
      unknownFields: ['spec.typo'],
      errors: [],
    });
  });

  it('is idempotent: an admitted crontab is admitted unchanged', () => {
    const once = admit(
      { ...MY_CRONTAB, spec: { ...MY_CRONTAB.spec, junk: true } },
      CRONTAB_SCHEMA,
    ).value;
    expect(admit(once, CRONTAB_SCHEMA)).toStrictEqual({
      value: once,
      unknownFields: [],
      errors: [],
    });
  });

  it('rejects a crontab whose replicas are null-defaulted but out of range elsewhere', () => {
    const body = {
      ...MY_CRONTAB,
      spec: { ...MY_CRONTAB.spec, replicas: null, image: null, cronSpec: 'often' },
    };
    expect(admit(body, CRONTAB_SCHEMA).errors).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.cronSpec',
        message: `Invalid value: "often": should match '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'`,
      },
    ]);
    expect(admit(body, CRONTAB_SCHEMA).value).toStrictEqual({
      ...MY_CRONTAB,
      spec: { cronSpec: 'often', replicas: 1 },
    });
  });

  it('prints an admitted crontab with the CRD printer columns', () => {
    const { value } = admit(MY_CRONTAB, CRONTAB_SCHEMA);
    const columns = CRONTAB_CRD.spec.versions[0]?.additionalPrinterColumns ?? [];
    expect(printerColumnCells(value, columns)).toStrictEqual([
      '* * * * */5',
      1,
      '2024-05-01T12:00:00Z',
    ]);
  });
});
