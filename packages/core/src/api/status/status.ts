/**
 * `metav1.Status`: the body of every failed API call (and of some successful deletes).
 *
 * @module
 */
import * as t from 'io-ts';
import { Int32, withSchema } from '../codec/index.js';
import { ListMeta } from '../meta/index.js';
import { StatusReason } from './status-reason.js';

/**
 * The codec of `metav1.StatusCause`: one reason for a failure, such as one invalid field.
 * Its `reason` is upstream's `CauseType` (`FieldValueRequired`, `FieldManagerConflict`,
 * ...), kept an open string.
 */
export const StatusCause = withSchema(
  t.partial({
    reason: withSchema(t.string, {
      description:
        'A machine-readable description of the cause of the error. If this value is empty there is no information available.',
    }),
    message: withSchema(t.string, {
      description:
        'A human-readable description of the cause of the error. This field may be presented as-is to a reader.',
    }),
    field: withSchema(t.string, {
      description:
        'The field of the resource that has caused this error, as named by its JSON serialization, ' +
        'such as "items[0].name". Fields may appear more than once in an array of causes.',
    }),
  }),
  {
    description:
      'StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered.',
  },
  'StatusCause',
);

/** One cause of a failure, as {@link StatusCause} decodes it. */
export type StatusCause = t.TypeOf<typeof StatusCause>;

/**
 * The codec of `metav1.StatusDetails`: which object a failure is about (`name`,
 * `group`, `kind`, `uid`), its `causes`, and when to retry.
 */
export const StatusDetails = withSchema(
  t.partial({
    name: withSchema(t.string, {
      description:
        'The name attribute of the resource associated with the status StatusReason (when there is a single name which can be described).',
    }),
    group: withSchema(t.string, {
      description: 'The group attribute of the resource associated with the status StatusReason.',
    }),
    kind: withSchema(t.string, {
      description:
        'The kind attribute of the resource associated with the status StatusReason. On some operations may differ from the requested resource Kind.',
    }),
    uid: withSchema(t.string, {
      description: 'UID of the resource (when there is a single resource which can be described).',
    }),
    causes: withSchema(t.array(StatusCause), {
      description:
        'The Causes array includes more details associated with the StatusReason failure. Not all StatusReasons may provide detailed causes.',
      'x-kubernetes-list-type': 'atomic',
    }),
    retryAfterSeconds: withSchema(Int32, {
      description: 'If specified, the time in seconds before the operation should be retried.',
    }),
  }),
  {
    description:
      'StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response.',
  },
  'StatusDetails',
);

/** The details of a failure, as {@link StatusDetails} decodes them. */
export type StatusDetails = t.TypeOf<typeof StatusDetails>;

/**
 * The codec of `metav1.Status`. Every field is optional, as upstream; `kind` is
 * `'Status'` and `apiVersion` `'v1'` when present.
 *
 * The values the constructors of this module return are as the apiserver writes them:
 * `kind`, `apiVersion`, `metadata: {}`, `status: 'Failure'`, `message`, `reason`,
 * `code`, and `details` with its empty fields left out (Go's `omitempty`).
 *
 * Caveat: upstream also accepts `apiVersion: 'meta.k8s.io/v1'` when reading a `Status`;
 * this codec does not.
 */
export const Status = withSchema(
  t.partial({
    kind: withSchema(t.literal('Status'), {
      description: 'Kind is a string value representing the REST resource this object represents.',
    }),
    apiVersion: withSchema(t.literal('v1'), {
      description: 'APIVersion defines the versioned schema of this representation of an object.',
    }),
    metadata: withSchema(ListMeta, { description: 'Standard list metadata.' }),
    status: withSchema(t.keyof({ Success: null, Failure: null }), {
      description: 'Status of the operation. One of: "Success" or "Failure".',
    }),
    message: withSchema(t.string, {
      description: 'A human-readable description of the status of this operation.',
    }),
    reason: StatusReason,
    details: withSchema(StatusDetails, {
      description:
        'Extended data associated with the reason. Each reason may define its own extended details.',
    }),
    code: withSchema(Int32, {
      description: 'Suggested HTTP return code for this status, 0 if not set.',
    }),
  }),
  { description: "Status is a return value for calls that don't return other objects." },
  'Status',
);

/** The result of an API call that returns no object: an error, as data. See {@link Status}. */
export type Status = t.TypeOf<typeof Status>;
