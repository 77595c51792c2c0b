import { describe, expect, it } from '@jest/globals';
import { parseFieldSelector } from '../../../src/api/selectors/field-selector.js';
import { labelSelectorAsSelector } from '../../../src/api/selectors/label-selector-object.js';
import { parseLabelSelector } from '../../../src/api/selectors/label-selector-parser.js';
import { isSelectorError } from '../../../src/api/selectors/selector-error.js';
import { expectLeft, expectRight } from '../../support/either.js';

describe('isSelectorError', () => {
  it('recognises every selector failure', () => {
    expect(isSelectorError(expectLeft(parseLabelSelector('x in (')))).toBe(true);
    expect(isSelectorError(expectLeft(parseFieldSelector('x')))).toBe(true);
    expect(
      isSelectorError(
        expectLeft(labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] })),
      ),
    ).toBe(true);
    expect(isSelectorError(expectLeft(expectRight(parseFieldSelector('a=b')).bind({})))).toBe(true);
  });

  it.each([undefined, null, 'SelectorSyntaxError', {}, { _tag: 'Compacted' }, new Error('x')])(
    'rejects %p',
    (value) => {
      expect(isSelectorError(value)).toBe(false);
    },
  );
});
