/**
 * Store failures as the apiserver reports them.
 *
 * @module
 */
import {
  expired,
  internalError,
  requestEntityTooLarge,
  serviceUnavailable,
  timeout,
  type Status,
} from '../../api/status/index.js';
import type { StoreError } from '../../store/index.js';

/**
 * The `Status` for a store failure: a compacted revision is 410 `Expired`
 * (`too old resource version: 5 (10)`); a revision from the future is 504 `Timeout`
 * (`Too large resource version: 50, current: 42`), as upstream answers after waiting
 * for it in vain; a value over the size limit is 413 (`etcdserver: request is too
 * large`); a closed store is 503 `ServiceUnavailable`; anything else (the
 * apiserver's own mistake) is a 500 `InternalError`.
 */
export function statusFromStoreError(error: StoreError): Status {
  switch (error._tag) {
    case 'Compacted':
      return expired({ requested: error.requestedRevision, oldest: error.compactRevision });
    case 'FutureRevision':
      return timeout({
        message: `Too large resource version: ${error.requestedRevision}, current: ${error.currentRevision}`,
        retryAfterSeconds: 1,
      });
    case 'ValueTooLarge':
      return requestEntityTooLarge({ message: 'etcdserver: request is too large' });
    case 'StoreClosed':
      return serviceUnavailable({ message: `storage is unavailable: ${error.message}` });
    case 'InvalidRequest':
    case 'LeaseNotFound':
      return internalError({ message: error.message });
  }
}
