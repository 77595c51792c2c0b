import { describe, expect, it } from '@jest/globals';
import { defaultSecret } from '../../../src/apiserver/defaulting/index.js';

describe('defaultSecret', () => {
  it('defaults an unset or empty type to Opaque', () => {
    expect(defaultSecret({}).type).toBe('Opaque');
    expect(defaultSecret({ type: '' }).type).toBe('Opaque');
  });

  it('keeps a set type and returns the secret itself', () => {
    const secret = { type: 'kubernetes.io/tls' };
    expect(defaultSecret(secret)).toBe(secret);
  });
});
