/**
 * The `pod-template-hash` of a Deployment's pod template: what names its ReplicaSets
 * (`<deployment>-<hash>`) and tells their pods apart.
 *
 * Upstream hashes the Go structure with `spew` into FNV-32a; drydock hashes a
 * canonical JSON encoding of the template (object keys sorted, `undefined` fields
 * left out) into FNV-32a. The values therefore differ from a real cluster's, but keep
 * the same properties: stable across processes, changed by any change of the
 * template, and moved by `status.collisionCount`.
 *
 * @module
 */
import type { PodTemplateSpec } from '../../api/kinds/index.js';
import { jsonEqual } from '../../apiserver/index.js';
import { POD_TEMPLATE_HASH_LABEL } from './annotations.js';

/** The characters of a safe encoding: no vowels (no words), no look-alikes (0, 1, 3). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const encoder = new TextEncoder();

/**
 * The hash of `template`, with `collisionCount` (when given) mixed in as four
 * little-endian bytes, as upstream's `ComputeHash`: the FNV-32a sum written in
 * decimal, each digit mapped through upstream's safe alphabet (`rand.SafeEncodeString`),
 * e.g. `5d8f9c7b4`-like strings of up to 10 characters.
 *
 * Guarantees: deterministic (key order of the template does not matter); a
 * different `collisionCount` gives a different hash for the same template.
 */
export function computePodTemplateHash(
  template: PodTemplateSpec | undefined,
  collisionCount?: number,
): string {
  let hash = fnv1a(FNV_OFFSET_BASIS, encoder.encode(canonicalJson(template ?? {})));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv1a(hash, bytes);
  }
  let encoded = '';
  for (const digit of String(hash)) {
    encoded += SAFE_ALPHABET[digit.charCodeAt(0) % SAFE_ALPHABET.length] ?? '';
  }
  return encoded;
}

/**
 * Whether two pod templates are equal once their `pod-template-hash` labels are
 * removed (upstream's `EqualIgnoreHash`): how a Deployment recognises the
 * ReplicaSet of its current template.
 */
export function templatesEqualIgnoringHash(
  a: PodTemplateSpec | undefined,
  b: PodTemplateSpec | undefined,
): boolean {
  return jsonEqual(withoutHashLabel(a), withoutHashLabel(b));
}

function withoutHashLabel(template: PodTemplateSpec | undefined): PodTemplateSpec | undefined {
  const labels = template?.metadata?.labels;
  if (template === undefined || labels?.[POD_TEMPLATE_HASH_LABEL] === undefined) {
    return template;
  }
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...rest } = labels;
  return { ...template, metadata: { ...template.metadata, labels: rest } };
}

function fnv1a(seed: number, bytes: Uint8Array): number {
  let hash = seed;
  for (const byte of bytes) {
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  }
  return hash;
}

/** JSON with object keys sorted, `undefined` fields and array holes as JSON.stringify leaves them. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const fields = value as Readonly<Record<string, unknown>>;
    const parts: string[] = [];
    for (const key of Object.keys(fields).sort()) {
      const field = fields[key];
      if (field !== undefined) {
        parts.push(`${JSON.stringify(key)}:${canonicalJson(field)}`);
      }
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
