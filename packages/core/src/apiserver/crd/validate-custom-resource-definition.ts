/**
 * The apiserver's validation of a `CustomResourceDefinition` on create and update.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/field-error.js';
import type {
  CustomResourceConversion,
  CustomResourceDefinition,
  CustomResourceDefinitionNames,
} from '../../api/kinds/apiextensions-v1/index.js';
import { dns1035LabelErrors, dns1123SubdomainErrors } from './dns-names.js';
import { childPath, forbidden, invalid, keyPath, notSupported, required } from './field-errors.js';
import { versionsErrors } from './version-validation.js';

/**
 * Every reason the apiserver would reject `crd` (a 422 Invalid), with upstream's
 * field paths and messages:
 *
 * - `metadata.name` is `<spec.names.plural>.<spec.group>`;
 * - `spec.group` is a DNS-1123 subdomain with at least one dot;
 * - `spec.names`: `plural` and `kind` are required; `plural`, `singular`,
 *   `shortNames` and `categories` are DNS-1035 labels (lower case); `kind` and
 *   `listKind` are DNS-1035 labels once lower-cased (upstream does not require an
 *   upper-case first letter) and differ;
 * - `spec.scope` is `Namespaced` or `Cluster`;
 * - `spec.versions`: at least one; unique DNS-1035 names; exactly one with
 *   `storage: true`; every version has a structural `schema.openAPIV3Schema` (see
 *   {@link structuralSchemaErrors}) whose `default`s satisfy it; scale paths under
 *   `.spec.` and `.status.`; printer columns with a `type` among
 *   `boolean, date, integer, number, string`, a known `format` and a simple JSON path;
 *   unique, well-formed selectable fields (at most 8); a `deprecationWarning` only on a
 *   deprecated version;
 * - `spec.conversion.strategy` is `None` or `Webhook`, with `webhook` exactly when
 *   `Webhook`; `spec.preserveUnknownFields` is false.
 *
 * Caveats: `singular` and `listKind` are checked only when set (the apiserver defaults
 * them to the lower-case kind and `<kind>List` before validating); every version
 * needs a schema, served or not, as upstream's v1 API requires. Checks against other
 * objects (a name already served, updates removing stored versions) are not here.
 */
export function validateCustomResourceDefinition(
  crd: CustomResourceDefinition,
): readonly FieldError[] {
  const { spec } = crd;
  const errors: FieldError[] = [];
  const name = crd.metadata?.name;
  if (name === undefined || name === '') {
    errors.push(required('metadata.name', 'name or generateName is required'));
  } else if (name !== `${spec.names.plural}.${spec.group}`) {
    errors.push(invalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  }
  errors.push(...groupErrors(spec.group, 'spec.group'));
  errors.push(...namesErrors(spec.names, 'spec.names'));
  const scope: string = spec.scope;
  if (scope === '') {
    errors.push(required('spec.scope'));
  } else if (scope !== 'Namespaced' && scope !== 'Cluster') {
    errors.push(notSupported('spec.scope', scope, ['Cluster', 'Namespaced']));
  }
  errors.push(...versionsErrors(spec.versions, 'spec.versions'));
  if (spec.conversion !== undefined) {
    errors.push(...conversionErrors(spec.conversion, 'spec.conversion'));
  }
  if (spec.preserveUnknownFields === true) {
    errors.push(invalid('spec.preserveUnknownFields', true, 'must be false'));
  }
  return errors;
}

function groupErrors(group: string, path: string): FieldError[] {
  if (group === '') {
    return [required(path)];
  }
  const subdomain = dns1123SubdomainErrors(group);
  if (subdomain.length > 0) {
    return [invalid(path, group, subdomain.join(','))];
  }
  return group.includes('.')
    ? []
    : [invalid(path, group, 'should be a domain with at least one dot')];
}

function namesErrors(names: CustomResourceDefinitionNames, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const label = (field: string, value: string | undefined, required_: boolean): void => {
    const at = childPath(path, field);
    if (value === undefined || value === '') {
      if (required_) {
        errors.push(required(at));
      }
      return;
    }
    const problems = dns1035LabelErrors(value);
    if (problems.length > 0) {
      errors.push(invalid(at, value, problems.join(',')));
    }
  };
  const kindLike = (field: string, value: string | undefined, required_: boolean): void => {
    const at = childPath(path, field);
    if (value === undefined || value === '') {
      if (required_) {
        errors.push(required(at));
      }
      return;
    }
    const problems = dns1035LabelErrors(value.toLowerCase());
    if (problems.length > 0) {
      errors.push(
        invalid(
          at,
          value,
          `may have mixed case, but should otherwise match: ${problems.join(',')}`,
        ),
      );
    }
  };
  label('plural', names.plural, true);
  label('singular', names.singular, false);
  kindLike('kind', names.kind, true);
  kindLike('listKind', names.listKind, false);
  if (names.kind !== '' && names.kind === names.listKind) {
    errors.push(
      invalid(childPath(path, 'listKind'), names.listKind, 'kind and listKind may not be the same'),
    );
  }
  (names.shortNames ?? []).forEach((shortName, i) => {
    label(keyPath('shortNames', i), shortName, true);
  });
  (names.categories ?? []).forEach((category, i) => {
    label(keyPath('categories', i), category, true);
  });
  return errors;
}

function conversionErrors(conversion: CustomResourceConversion, path: string): FieldError[] {
  const strategy: string = conversion.strategy;
  const webhookPath = childPath(path, 'webhook');
  if (strategy !== 'None' && strategy !== 'Webhook') {
    return [notSupported(childPath(path, 'strategy'), strategy, ['None', 'Webhook'])];
  }
  if (strategy === 'Webhook' && conversion.webhook === undefined) {
    return [required(webhookPath, 'required when strategy is set to Webhook')];
  }
  if (strategy === 'None' && conversion.webhook !== undefined) {
    return [forbidden(webhookPath, 'should not be set when strategy is not set to Webhook')];
  }
  return [];
}
