/**
 * What every verb handler works with: the request, its user and resource, the
 * resource's strategy, and the server's environment.
 *
 * @module
 */
import type { Clock } from '../../clock/index.js';
import type { ResourceDefinition } from '../../api/registry/index.js';
import type { KeyValueStore } from '../../store/index.js';
import type {
  MutatingAdmissionPlugin,
  ValidatingAdmissionPlugin,
} from '../admission/admission-plugin.js';
import type { ApiObject } from '../api-object.js';
import type { ApiRequest, RequestOptions } from '../api-request.js';
import type { UserInfo } from '../rbac/index.js';
import type { ResourceStrategy } from '../strategy/resource-strategy.js';

/** The server's parts that handlers use; one per server. */
export interface ServerEnvironment {
  readonly store: KeyValueStore<ApiObject>;
  readonly clock: Clock;
  readonly mutating: readonly MutatingAdmissionPlugin[];
  readonly validating: readonly ValidatingAdmissionPlugin[];
  /** A new object uid. */
  readonly generateUid: () => string;
  /** A number in [0, 1), for `generateName` suffixes. */
  readonly random: () => number;
}

/** One authorized request, resolved to its resource. */
export interface RequestScope {
  readonly request: ApiRequest;
  readonly options: RequestOptions;
  readonly user: UserInfo;
  readonly definition: ResourceDefinition;
  readonly strategy: ResourceStrategy;
  readonly env: ServerEnvironment;
}
