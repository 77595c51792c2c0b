/**
 * Semantic validation of a namespace, as upstream's `ValidateNamespace`.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { Namespace } from '../../api/kinds/core-v1/index.js';
import { invalid } from './field-errors.js';
import { isQualifiedName } from './name-rules.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation.js';

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);
const META_OPTIONS = { namespaced: false, nameRule: 'label' } as const;

/**
 * The problems with a namespace: its metadata (cluster-scoped, name a DNS-1123 label)
 * and `spec.finalizers`, each a qualified name and, without a `/`, a standard one
 * (`kubernetes`, `orphan`, `foregroundDeletion`): `name is neither a standard finalizer
 * name nor is it fully qualified`. As upstream, problems are reported at
 * `spec.finalizers`, without the index.
 */
export function validateNamespace(namespace: Namespace): FieldError[] {
  const errors = validateObjectMeta(namespace.metadata ?? {}, META_OPTIONS);
  errors.push(...validateSpecFinalizers(namespace.spec?.finalizers));
  return errors;
}

/** The problems with an update of a namespace: the metadata update and the new namespace. */
export function validateNamespaceUpdate(
  newNamespace: Namespace,
  oldNamespace: Namespace,
): FieldError[] {
  return [
    ...validateObjectMetaUpdate(
      newNamespace.metadata ?? {},
      oldNamespace.metadata ?? {},
      META_OPTIONS,
    ),
    ...validateSpecFinalizers(newNamespace.spec?.finalizers),
  ];
}

function validateSpecFinalizers(finalizers: readonly string[] | undefined): FieldError[] {
  const errors: FieldError[] = [];
  for (const finalizer of finalizers ?? []) {
    for (const problem of isQualifiedName(finalizer)) {
      errors.push(invalid('spec.finalizers', finalizer, problem));
    }
    if (!finalizer.includes('/') && !STANDARD_FINALIZERS.has(finalizer)) {
      errors.push(
        invalid(
          'spec.finalizers',
          finalizer,
          'name is neither a standard finalizer name nor is it fully qualified',
        ),
      );
    }
  }
  return errors;
}
