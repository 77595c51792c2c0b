import { describe, expect, it } from '@jest/globals';
import { InvalidDurationError } from '../../../src/clock/duration.js';
import { RuntimeScript, type ContainerTarget } from '../../../src/kubelet/cri/runtime-script.js';

const WEB_APP: ContainerTarget = {
  image: 'nginx',
  namespace: 'default',
  podName: 'web-0',
  containerName: 'app',
};

describe('RuntimeScript', () => {
  it('answers every default when nothing is scripted', () => {
    expect(new RuntimeScript().behaviourFor(WEB_APP)).toEqual({});
  });

  it('applies an empty match to every container', () => {
    const script = new RuntimeScript().script({}, { startError: 'boom' });
    expect(script.behaviourFor(WEB_APP).startError).toBe('boom');
  });

  it('applies a script only to containers matching every field of its match', () => {
    const script = new RuntimeScript().script(
      { namespace: 'default', podName: 'web-0', containerName: 'sidecar' },
      { startError: 'boom' },
    );
    expect(script.behaviourFor(WEB_APP).startError).toBeUndefined();
    expect(script.behaviourFor({ ...WEB_APP, containerName: 'sidecar' }).startError).toBe('boom');
    expect(
      script.behaviourFor({ ...WEB_APP, containerName: 'sidecar', namespace: 'other' }).startError,
    ).toBeUndefined();
  });

  it('matches images as written or normalized, in either the script or the container', () => {
    const script = new RuntimeScript().script({ image: 'nginx' }, { pullError: 'denied' });
    for (const image of ['nginx', 'nginx:latest', 'docker.io/library/nginx:latest']) {
      expect(script.behaviourFor({ image }).pullError).toBe('denied');
    }
    const longForm = new RuntimeScript().script(
      { image: 'docker.io/library/nginx:latest' },
      { pullError: 'denied' },
    );
    expect(longForm.behaviourFor({ image: 'nginx' }).pullError).toBe('denied');
  });

  it('does not match another tag of the same repository', () => {
    const script = new RuntimeScript().script({ image: 'nginx' }, { pullError: 'denied' });
    expect(script.behaviourFor({ image: 'nginx:1.25' }).pullError).toBeUndefined();
  });

  it('matches an invalid image only as written', () => {
    const script = new RuntimeScript().script({ image: 'Not Valid' }, { pullError: 'denied' });
    expect(script.behaviourFor({ image: 'Not Valid' }).pullError).toBe('denied');
    expect(script.behaviourFor({ image: 'not valid' }).pullError).toBeUndefined();
  });

  it('does not match a target that leaves out a field the match names', () => {
    const script = new RuntimeScript().script({ podName: 'web-0' }, { pullError: 'denied' });
    expect(script.behaviourFor({ image: 'nginx' }).pullError).toBeUndefined();
  });

  it('lets a later script win over an earlier one for the fields it sets, field by field', () => {
    const script = new RuntimeScript()
      .script({}, { startDelay: '1s', pullDelay: '2s', readiness: 'Failure' })
      .script({ image: 'nginx' }, { startDelay: '5s' })
      .script({ podName: 'web-0' }, { readiness: 'Success' })
      .script({ podName: 'web-1' }, { pullDelay: '9s' });
    expect(script.behaviourFor(WEB_APP)).toEqual({
      startDelay: 5_000,
      pullDelay: 2_000,
      readiness: 'Success',
    });
  });

  it('answers the scripted behaviour itself when only one script matches', () => {
    const script = new RuntimeScript().script({ image: 'nginx' }, { startDelay: 0 });
    expect(script.behaviourFor(WEB_APP)).toBe(script.behaviourFor(WEB_APP));
  });

  it('keeps function behaviours as given and fixed exits in milliseconds', () => {
    const exit = (attempt: number) => (attempt < 2 ? { code: 1, after: '1s' } : undefined);
    const script = new RuntimeScript()
      .script({ containerName: 'app' }, { exit })
      .script({ containerName: 'job' }, { exit: { code: 0, after: '1m' } });
    expect(script.behaviourFor(WEB_APP).exit).toBe(exit);
    expect(script.behaviourFor({ ...WEB_APP, containerName: 'job' }).exit).toEqual({
      code: 0,
      after: 60_000,
    });
  });

  it('does not change the behaviour objects it is given', () => {
    const behaviour = { startDelay: '3s', exit: { code: 2, after: '1s' } };
    new RuntimeScript().script({}, behaviour);
    expect(behaviour).toEqual({ startDelay: '3s', exit: { code: 2, after: '1s' } });
  });

  it('rejects an invalid duration where it is scripted', () => {
    const script = new RuntimeScript();
    expect(() => script.script({}, { startDelay: '5x' })).toThrow(InvalidDurationError);
    expect(() => script.script({}, { exit: { code: 1, after: -1 } })).toThrow(InvalidDurationError);
    expect(script.size).toBe(0);
  });

  it('forgets every script on clear', () => {
    const script = new RuntimeScript().script({}, { startError: 'boom' });
    expect(script.size).toBe(1);
    script.clear();
    expect(script.size).toBe(0);
    expect(script.behaviourFor(WEB_APP)).toEqual({});
  });
});
