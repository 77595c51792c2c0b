/**
 * `metav1.ManagedFieldsEntry`: which manager owns which fields, for server-side apply.
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, withSchema } from '../codec/index.js';

/**
 * The codec of `metav1.ManagedFieldsEntry`, minimal: `fieldsV1` is kept as it is on
 * the wire (`x-kubernetes-preserve-unknown-fields`), not parsed into a field set.
 *
 * All fields are optional, as upstream. `operation` is `'Apply'` or `'Update'`, the only
 * values upstream's validation allows.
 */
export const ManagedFieldsEntry = withSchema(
  t.partial({
    manager: withSchema(t.string, {
      description: 'Manager is an identifier of the workflow managing these fields.',
    }),
    operation: withSchema(t.keyof({ Apply: null, Update: null }), {
      description:
        'Operation is the type of operation which lead to this ManagedFieldsEntry being created. ' +
        "The only valid values for this field are 'Apply' and 'Update'.",
    }),
    apiVersion: withSchema(t.string, {
      description:
        'APIVersion defines the version of this resource that this field set applies to, ' +
        'in the "group/version" form of the top-level APIVersion field.',
    }),
    time: withSchema(DateTime, {
      description:
        'Time is the timestamp of when the ManagedFields entry was added. It is also updated ' +
        "when the manager adds a field or changes or removes one of the owned fields' values.",
    }),
    fieldsType: withSchema(t.string, {
      description:
        'FieldsType is the discriminator for the different fields format and version. ' +
        'There is currently only one possible value: "FieldsV1".',
    }),
    fieldsV1: withSchema(t.unknown, {
      type: 'object',
      description:
        'FieldsV1 holds the first JSON version format as described in the "FieldsV1" type.',
    }),
    subresource: withSchema(t.string, {
      description:
        'Subresource is the name of the subresource used to update that object, or empty string ' +
        'if the object was updated through the main resource.',
    }),
  }),
  {
    description:
      'ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource ' +
      'that the fieldset applies to.',
  },
  'ManagedFieldsEntry',
);

/** One manager's entry in `metadata.managedFields`, as {@link ManagedFieldsEntry} decodes it. */
export type ManagedFieldsEntry = t.TypeOf<typeof ManagedFieldsEntry>;
