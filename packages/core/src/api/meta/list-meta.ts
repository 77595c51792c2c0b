/**
 * `metav1.ListMeta`: the metadata of lists and other synthetic responses such as `Status`.
 *
 * @module
 */
import * as t from 'io-ts';
import { Int64, withSchema } from '../codec/index.js';

/**
 * The codec of `metav1.ListMeta`: `resourceVersion`, `continue` and
 * `remainingItemCount`, all optional. (The deprecated, never populated `selfLink` and the
 * alpha `shardInfo` are left out.)
 */
export const ListMeta = withSchema(
  t.partial({
    resourceVersion: withSchema(t.string, {
      description:
        "String that identifies the server's internal version of this object that can be used by " +
        'clients to determine when objects have changed. Opaque to clients; populated by the system.',
    }),
    continue: withSchema(t.string, {
      description:
        'continue may be set if the user set a limit on the number of items returned, and indicates ' +
        'that the server has more data available. The value is opaque and may be used to issue another request.',
    }),
    remainingItemCount: withSchema(Int64, {
      description:
        'remainingItemCount is the number of subsequent items in the list which are not included in this ' +
        'list response; unset with label or field selectors. Use it to estimate the size of a collection only.',
    }),
  }),
  {
    description:
      'ListMeta describes metadata that synthetic resources must have, including lists and various status objects.',
  },
  'ListMeta',
);

/** A list's metadata, as {@link ListMeta} decodes it. */
export type ListMeta = t.TypeOf<typeof ListMeta>;
