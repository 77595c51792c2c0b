/**
 * The audit record of one request, as the apiserver emits it when the request
 * completes.
 *
 * @module
 */
import type { GroupVersionResource } from '../api/registry/index.js';
import type { ApiVerb } from './api-request.js';
import type { UserInfo } from './rbac/index.js';

/**
 * One completed request (upstream's audit `Event` at stage `ResponseComplete`, at
 * level `Metadata`): who did what to which object, and the outcome.
 */
export interface AuditEvent {
  /** When the request arrived, in milliseconds on the server's clock. */
  readonly requestReceivedTimestamp: number;
  /** The user, once authenticated; absent for a 401. */
  readonly user?: UserInfo;
  readonly verb: ApiVerb;
  readonly resource: GroupVersionResource;
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly dryRun: boolean;
  /** The HTTP status code of the answer. */
  readonly code: number;
  /** The failure's reason (`Conflict`, `Forbidden`, ...) for a failed request. */
  readonly reason?: string;
  /** The written object's resourceVersion, for a successful write. */
  readonly resourceVersion?: string;
}
