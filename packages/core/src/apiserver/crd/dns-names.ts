/**
 * The name checks of `k8s.io/apimachinery/pkg/util/validation` that CRDs use, with
 * upstream's messages.
 *
 * @module
 */

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_LABEL}(\\.${DNS1123_LABEL})*$`);
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The reasons `value` is not a DNS-1123 subdomain (such as `stable.example.com`),
 * as `IsDNS1123Subdomain` words them; empty when it is one.
 */
export function dns1123SubdomainErrors(value: string): readonly string[] {
  const errors: string[] = [];
  if (value.length > 253) {
    errors.push('must be no more than 253 characters');
  }
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errors.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', " +
        "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for " +
        `validation is '${DNS1123_LABEL}(\\.${DNS1123_LABEL})*')`,
    );
  }
  return errors;
}

/**
 * The reasons `value` is not a DNS-1035 label (such as `crontabs`), as
 * `IsDNS1035Label` words them; empty when it is one.
 */
export function dns1035LabelErrors(value: string): readonly string[] {
  const errors: string[] = [];
  if (value.length > 63) {
    errors.push('must be no more than 63 characters');
  }
  if (!DNS1035_LABEL.test(value)) {
    errors.push(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an " +
        "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', " +
        "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
  }
  return errors;
}
