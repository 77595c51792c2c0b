/**
 * Semantic validation of secrets, as upstream's `ValidateSecret` and
 * `ValidateSecretUpdate`.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Secret } from '../../api/kinds/core-v1/index.js';
import {
  base64DecodedLength,
  IMMUTABLE_DATA_DETAIL,
  MAX_DATA_SIZE_BYTES,
} from './config-map-validation.js';
import { at, forbidden, jsonEqual, invalid, required, tooLong } from './field-errors.js';
import { isConfigMapKey } from './name-rules.js';
import {
  validateImmutableField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './object-meta-validation.js';

const META_OPTIONS = { namespaced: true, nameRule: 'subdomain' } as const;

// The data keys each well-known secret type requires.
const REQUIRED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

/**
 * The problems with a secret: its metadata (namespaced, name a DNS-1123 subdomain);
 * keys of `data` and `stringData` valid config keys; values of at most 1 MiB in all;
 * and what its `type` requires: `kubernetes.io/service-account-token` the
 * `kubernetes.io/service-account.name` annotation, `kubernetes.io/tls` the `tls.crt`
 * and `tls.key` keys, `kubernetes.io/basic-auth` `username` or `password`,
 * `kubernetes.io/ssh-auth` `ssh-privatekey`, the docker types their config key.
 *
 * Caveats: `stringData` counts as `data` (upstream merges it before validating), so
 * its problems are reported at `data[key]`; docker configs are not parsed as JSON.
 */
export function validateSecret(secret: Secret): FieldError[] {
  return [
    ...validateObjectMeta(secret.metadata ?? {}, META_OPTIONS),
    ...validateSecretData(secret),
  ];
}

/**
 * The problems with an update of a secret: the metadata update; `type` unchanged
 * (`field is immutable`); once `immutable` is true, it stays true and `data` does not
 * change; and the new secret's data.
 */
export function validateSecretUpdate(newSecret: Secret, oldSecret: Secret): FieldError[] {
  const errors = validateObjectMetaUpdate(
    newSecret.metadata ?? {},
    oldSecret.metadata ?? {},
    META_OPTIONS,
  );
  errors.push(...validateImmutableField('type', newSecret.type ?? '', oldSecret.type ?? ''));
  if (oldSecret.immutable === true) {
    if (newSecret.immutable !== true) {
      errors.push(forbidden('immutable', IMMUTABLE_DATA_DETAIL));
    }
    if (
      !jsonEqual(newSecret.data ?? {}, oldSecret.data ?? {}) ||
      newSecret.stringData !== undefined
    ) {
      errors.push(forbidden('data', IMMUTABLE_DATA_DETAIL));
    }
  }
  errors.push(...validateSecretData(newSecret));
  return errors;
}

function validateSecretData(secret: Secret): FieldError[] {
  const errors: FieldError[] = [];
  const data = secret.data ?? {};
  const stringData = secret.stringData ?? {};
  let size = 0;
  for (const key in data) {
    for (const problem of isConfigMapKey(key)) {
      errors.push(invalid(at('data', key), key, problem));
    }
    size += Object.hasOwn(stringData, key) ? 0 : base64DecodedLength(data[key] ?? '');
  }
  for (const key in stringData) {
    if (!Object.hasOwn(data, key)) {
      for (const problem of isConfigMapKey(key)) {
        errors.push(invalid(at('data', key), key, problem));
      }
    }
    size += Buffer.byteLength(stringData[key] ?? '');
  }
  if (size > MAX_DATA_SIZE_BYTES) {
    errors.push(tooLong('data', MAX_DATA_SIZE_BYTES));
  }
  const has = (key: string) => Object.hasOwn(data, key) || Object.hasOwn(stringData, key);
  const type = secret.type ?? '';
  if (type === 'kubernetes.io/service-account-token') {
    if ((secret.metadata?.annotations?.['kubernetes.io/service-account.name'] ?? '') === '') {
      errors.push(required(at('metadata.annotations', 'kubernetes.io/service-account.name')));
    }
  } else if (type === 'kubernetes.io/basic-auth') {
    if (!has('username') && !has('password')) {
      errors.push(required(at('data', 'username')), required(at('data', 'password')));
    }
  } else {
    const missing = (REQUIRED_KEYS[type] ?? []).filter((key) => !has(key));
    // As upstream, a missing docker config or ssh key stops at the first; TLS reports both.
    for (const key of type === 'kubernetes.io/tls' ? missing : missing.slice(0, 1)) {
      errors.push(required(at('data', key)));
    }
  }
  return errors;
}
