import { describe, expect, it } from '@jest/globals';
import {
  defaultContainer,
  defaultImagePullPolicy,
} from '../../../src/apiserver/defaulting/index.js';

describe('defaultContainer', () => {
  it('returns the container itself when it has every default', () => {
    const container = {
      name: 'c',
      image: 'x:1',
      imagePullPolicy: 'IfNotPresent' as const,
      terminationMessagePath: '/tmp/log',
      terminationMessagePolicy: 'FallbackToLogsOnError' as const,
      resources: { requests: { cpu: '1' } },
    };
    expect(defaultContainer(container)).toBe(container);
  });

  it('gives an empty image IfNotPresent, as upstream ignores the parse error', () => {
    expect(defaultImagePullPolicy('')).toBe('IfNotPresent');
  });
});
