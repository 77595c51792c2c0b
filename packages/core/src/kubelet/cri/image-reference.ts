/**
 * Image references as a container runtime reads them: `nginx` is
 * `docker.io/library/nginx:latest`, as Docker and containerd normalize it.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** An image reference, normalized. */
export interface NormalizedImage {
  /** The repository, with its registry: `docker.io/library/nginx`. */
  readonly repository: string;
  /** The tag: as written, or `latest` when neither a tag nor a digest is. */
  readonly tag?: string;
  /** The digest as written (`sha256:…`), if any. */
  readonly digest?: string;
  /** The full normalized reference: `docker.io/library/nginx:latest`. */
  readonly image: string;
  /**
   * The digest reference a runtime reports for it (`imageID`):
   * `docker.io/library/nginx@sha256:<64 hex>`, the written digest if any, else one
   * derived from {@link NormalizedImage.image}, the same on every run.
   */
  readonly ref: string;
}

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPOSITORY_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';
const NAME_TOTAL_LENGTH_MAX = 255;

// The grammar of github.com/distribution/reference, without IPv6 domains.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * Normalizes an image reference as Docker does: `nginx` →
 * `docker.io/library/nginx:latest`, `bitnami/redis:7` →
 * `docker.io/bitnami/redis:7`, `registry.k8s.io/pause:3.9` unchanged,
 * `nginx@sha256:…` → `docker.io/library/nginx@sha256:…` (no tag added).
 *
 * Guarantees: the same input gives the same (shared) answer; answers are cached.
 *
 * Errors: `left(message)` for a reference the registry grammar rejects, with
 * Docker's message: `invalid reference format`, or
 * `invalid reference format: repository name must be lowercase`.
 */
export function normalizeImage(image: string): Either<string, NormalizedImage> {
  const cached = cache.get(image);
  if (cached !== undefined) {
    return cached;
  }
  if (cache.size >= CACHE_LIMIT) {
    cache.clear();
  }
  const parsed = parseImage(image);
  cache.set(image, parsed);
  return parsed;
}

/**
 * A size in bytes for an image, the same on every run: between 5 MB and 200 MB.
 */
export function simulatedImageSize(image: NormalizedImage): number {
  const hash = Number.parseInt(image.ref.slice(-8), 16);
  return 5_000_000 + (hash % 195_000_000);
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/** Images are few; the bound only keeps a pathological test from growing it forever. */
const CACHE_LIMIT = 4_096;
const cache = new Map<string, Either<string, NormalizedImage>>();

function parseImage(image: string): Either<string, NormalizedImage> {
  const invalid = left('invalid reference format');
  const at = image.indexOf('@');
  const named = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? undefined : image.slice(at + 1);
  if (digest !== undefined && !DIGEST.test(digest)) {
    return invalid;
  }
  const slash = named.indexOf('/');
  const first = slash === -1 ? '' : named.slice(0, slash);
  const hasDomain =
    slash !== -1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || hasUpperCase(first));
  let domain = hasDomain ? first : DEFAULT_DOMAIN;
  let remainder = hasDomain ? named.slice(slash + 1) : named;
  if (domain === LEGACY_DEFAULT_DOMAIN) {
    domain = DEFAULT_DOMAIN;
  }
  if (hasDomain && !DOMAIN.test(domain)) {
    return invalid;
  }
  const colon = remainder.lastIndexOf(':');
  const tag = colon === -1 ? undefined : remainder.slice(colon + 1);
  remainder = colon === -1 ? remainder : remainder.slice(0, colon);
  if (tag !== undefined && !TAG.test(tag)) {
    return invalid;
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) {
    remainder = OFFICIAL_REPOSITORY_PREFIX + remainder;
  }
  const components = remainder.split('/');
  if (!components.every((component) => PATH_COMPONENT.test(component))) {
    return components.every((component) => PATH_COMPONENT.test(component.toLowerCase()))
      ? left('invalid reference format: repository name must be lowercase')
      : invalid;
  }
  const repository = `${domain}/${remainder}`;
  if (repository.length > NAME_TOTAL_LENGTH_MAX) {
    return left(
      `invalid reference format: repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`,
    );
  }
  return right(normalized({ repository, tag, digest }));
}

function normalized(parts: {
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}): NormalizedImage {
  const { repository, digest } = parts;
  const tag = parts.tag ?? (digest === undefined ? DEFAULT_TAG : undefined);
  const image =
    repository + (tag === undefined ? '' : `:${tag}`) + (digest === undefined ? '' : `@${digest}`);
  const ref = `${repository}@${digest ?? `sha256:${deterministicHex(image)}`}`;
  return {
    repository,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
    image,
    ref,
  };
}

function hasUpperCase(text: string): boolean {
  return text.toLowerCase() !== text;
}

/**
 * 64 hex digits that depend only on `text`: eight seeded FNV-1a hashes, each
 * finished with MurmurHash3's mixer. Not cryptographic; it only has to look like a
 * digest and differ between images.
 */
function deterministicHex(text: string): string {
  let hex = '';
  for (let seed = 0; seed < 8; seed++) {
    let hash = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b9)) >>> 0;
    for (let index = 0; index < text.length; index++) {
      hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
    }
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    hash ^= hash >>> 16;
    hex += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return hex;
}
