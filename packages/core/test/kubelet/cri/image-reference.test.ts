import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { normalizeImage, simulatedImageSize } from '../../../src/kubelet/cri/image-reference.js';
import { expectLeft, expectRight } from '../../support/either.js';

describe('normalizeImage', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest', 'docker.io/library/nginx'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25', 'docker.io/library/nginx'],
    ['library/nginx', 'docker.io/library/nginx:latest', 'docker.io/library/nginx'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest', 'docker.io/library/nginx'],
    ['index.docker.io/nginx:1', 'docker.io/library/nginx:1', 'docker.io/library/nginx'],
    ['bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2', 'docker.io/bitnami/redis'],
    ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9', 'registry.k8s.io/pause'],
    ['localhost/app', 'localhost/app:latest', 'localhost/app'],
    ['localhost:5000/team/app:v1', 'localhost:5000/team/app:v1', 'localhost:5000/team/app'],
    ['ghcr.io/org/a_b-c.d:x', 'ghcr.io/org/a_b-c.d:x', 'ghcr.io/org/a_b-c.d'],
  ])('normalizes %s as Docker does, to %s', (image, normalized, repository) => {
    const parsed = expectRight(normalizeImage(image));
    expect(parsed.image).toBe(normalized);
    expect(parsed.repository).toBe(repository);
  });

  it('keeps a digest as written, adds no tag to it, and reports it as the reference', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const parsed = expectRight(normalizeImage(`nginx@${digest}`));
    expect(parsed).toEqual({
      repository: 'docker.io/library/nginx',
      digest,
      image: `docker.io/library/nginx@${digest}`,
      ref: `docker.io/library/nginx@${digest}`,
    });
    const tagged = expectRight(normalizeImage(`nginx:1.25@${digest}`));
    expect(tagged.image).toBe(`docker.io/library/nginx:1.25@${digest}`);
    expect(tagged.tag).toBe('1.25');
  });

  it('derives a sha256-like reference from the normalized name, the same for every spelling', () => {
    const short = expectRight(normalizeImage('nginx'));
    const long = expectRight(normalizeImage('docker.io/library/nginx:latest'));
    expect(short.ref).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(long.ref).toBe(short.ref);
    expect(expectRight(normalizeImage('nginx:1.26')).ref).not.toBe(short.ref);
  });

  it('gives every distinct image its own reference', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]{1,12}$/),
        fc.stringMatching(/^[a-z0-9]{1,12}$/),
        (a, b) => {
          fc.pre(a !== b);
          const refA = expectRight(normalizeImage(a)).ref.split('@')[1];
          const refB = expectRight(normalizeImage(b)).ref.split('@')[1];
          expect(refA).not.toBe(refB);
        },
      ),
    );
  });

  it.each([
    '',
    ':latest',
    'nginx:',
    'nginx::1',
    'a//b',
    'nginx:bad tag',
    '-nginx',
    'nginx@sha256:xyz',
  ])('rejects %p as an invalid reference format', (image) => {
    expect(expectLeft(normalizeImage(image))).toBe('invalid reference format');
  });

  it('rejects upper case in a repository name with Docker message', () => {
    expect(expectLeft(normalizeImage('Nginx'))).toBe(
      'invalid reference format: repository name must be lowercase',
    );
    expect(expectLeft(normalizeImage('ghcr.io/Org/app'))).toBe(
      'invalid reference format: repository name must be lowercase',
    );
  });

  it('reads an upper-case first component as a registry, as Docker does', () => {
    expect(expectRight(normalizeImage('Registry/app')).image).toBe('Registry/app:latest');
  });

  it('rejects a repository name longer than 255 characters', () => {
    expect(expectLeft(normalizeImage(`example.com/${'a'.repeat(250)}`))).toMatch(
      /must not be more than 255 characters/,
    );
  });

  it('answers the same object for the same input', () => {
    expect(normalizeImage('redis')).toBe(normalizeImage('redis'));
  });
});

describe('simulatedImageSize', () => {
  it('is between 5 MB and 200 MB and the same on every call', () => {
    const image = expectRight(normalizeImage('nginx'));
    const size = simulatedImageSize(image);
    expect(size).toBeGreaterThanOrEqual(5_000_000);
    expect(size).toBeLessThan(200_000_000);
    expect(simulatedImageSize(expectRight(normalizeImage('docker.io/library/nginx')))).toBe(size);
  });
});
