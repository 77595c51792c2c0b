import { describe, expect, it } from '@jest/globals';
import { Subject, of, throwError } from 'rxjs';
import { record } from '../../src/testing/index.js';

describe('record', () => {
  it('records values and completion', () => {
    const recording = record(of(1, 2, 3));
    expect(recording.values).toEqual([1, 2, 3]);
    expect(recording.completed).toBe(true);
    expect(recording.failed).toBe(false);
  });

  it('records an error', () => {
    const recording = record(throwError(() => ({ _tag: 'Compacted' })));
    expect(recording.failed).toBe(true);
    expect(recording.error).toEqual({ _tag: 'Compacted' });
  });

  it('records nothing after stop', () => {
    const subject = new Subject<string>();
    const recording = record(subject);
    subject.next('a');
    recording.stop();
    subject.next('b');
    expect(recording.values).toEqual(['a']);
    expect(subject.observed).toBe(false);
  });
});
