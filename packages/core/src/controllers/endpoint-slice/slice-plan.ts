/**
 * Planning a service's EndpointSlices: which to create, update and delete so that
 * they hold the desired endpoints, as upstream's EndpointSlice reconciler does.
 *
 * @module
 */
import type { Endpoint, EndpointSlice, Service } from '../../api/kinds/index.js';
import { jsonEqual } from '../../apiserver/index.js';
import { withFields } from '../../apiserver/object-copy.js';
import { sameStringMap } from '../endpoints/endpoint-rules.js';
import {
  endpointKey,
  portsKey,
  type PortGroup,
  type SliceAddressType,
} from './desired-endpoints.js';
import { isOwnedBy, newEndpointSlice, sliceLabelsOf } from './endpoint-slice-shape.js';

/** The writes that bring a service's slices to the desired state. */
export interface SlicePlan {
  /** New slices (with `generateName`). */
  readonly create: readonly EndpointSlice[];
  /** Changed slices (with their name and resourceVersion). */
  readonly update: readonly EndpointSlice[];
  /** Slices to delete. */
  readonly delete: readonly EndpointSlice[];
}

/**
 * The plan for one service, as upstream's reconciler:
 * - slices of an address type the service no longer has, or not controlled by it,
 *   are deleted;
 * - per address type and port set: existing slices keep the desired endpoints they
 *   hold (updated in place when one changed), lose the others (a slice left empty is
 *   deleted); slices already being updated are filled up to `maxEndpointsPerSlice`,
 *   fullest first; the rest goes into the unchanged slice that fits it best, else
 *   into new slices; slices of a port set no longer desired are deleted;
 * - a service without endpoints keeps one placeholder slice (no endpoints, no
 *   ports) per address type;
 * - a slice to create replaces one to delete (an update of it) when it can.
 *
 * Guarantees: pure; a service whose slices already hold the desired endpoints and
 * labels gets an empty plan.
 */
export function planSlices(options: {
  readonly service: Service;
  readonly existing: readonly EndpointSlice[];
  readonly desired: ReadonlyMap<SliceAddressType, ReadonlyMap<string, PortGroup>>;
  readonly maxEndpointsPerSlice: number;
}): SlicePlan {
  const { service, existing, desired, maxEndpointsPerSlice } = options;
  const create: EndpointSlice[] = [];
  const update: EndpointSlice[] = [];
  const remove: EndpointSlice[] = [];
  const byType = new Map<SliceAddressType, EndpointSlice[]>();
  for (const slice of existing) {
    const type = slice.addressType;
    if (type === 'FQDN' || !desired.has(type) || !isOwnedBy(slice, service)) {
      remove.push(slice);
      continue;
    }
    const slices = byType.get(type) ?? [];
    slices.push(slice);
    byType.set(type, slices);
  }
  for (const [addressType, groups] of desired) {
    const slices = byType.get(addressType) ?? [];
    const typePlan = planAddressType({
      service,
      addressType,
      slices,
      groups,
      maxEndpointsPerSlice,
    });
    create.push(...typePlan.create);
    update.push(...typePlan.update);
    remove.push(...typePlan.delete);
  }
  // Turn creations into updates of slices about to be deleted.
  while (create.length > 0) {
    const index = remove.findIndex(
      (slice) =>
        slice.addressType === create[create.length - 1]?.addressType && isOwnedBy(slice, service),
    );
    const reused = remove[index];
    const created = create[create.length - 1];
    if (reused === undefined || created === undefined) {
      break;
    }
    remove.splice(index, 1);
    create.pop();
    update.push(
      withFields(created, {
        metadata: withFields(reused.metadata ?? {}, {
          labels: created.metadata?.labels ?? {},
          ownerReferences: created.metadata?.ownerReferences ?? [],
        }),
      }),
    );
  }
  return { create, update, delete: remove };
}

function planAddressType(options: {
  readonly service: Service;
  readonly addressType: SliceAddressType;
  readonly slices: readonly EndpointSlice[];
  readonly groups: ReadonlyMap<string, PortGroup>;
  readonly maxEndpointsPerSlice: number;
}): SlicePlan {
  const { service, addressType, slices, groups, maxEndpointsPerSlice } = options;
  const create: EndpointSlice[] = [];
  const update: EndpointSlice[] = [];
  const remove: EndpointSlice[] = [];
  const slicesByPorts = new Map<string, EndpointSlice[]>();
  for (const slice of slices) {
    const key = portsKey(slice.ports);
    const list = slicesByPorts.get(key) ?? [];
    list.push(slice);
    slicesByPorts.set(key, list);
  }
  for (const [key, group] of groups) {
    const plan = planPortGroup({
      service,
      addressType,
      slices: slicesByPorts.get(key) ?? [],
      group,
      maxEndpointsPerSlice,
    });
    create.push(...plan.create);
    update.push(...plan.update);
    remove.push(...plan.delete);
  }
  for (const [key, list] of slicesByPorts) {
    if (!groups.has(key)) {
      remove.push(...list);
    }
  }
  if (slices.length === remove.length && create.length === 0) {
    const placeholder = newEndpointSlice({ service, addressType, ports: [], endpoints: [] });
    const [only] = remove;
    if (remove.length === 1 && only !== undefined && isPlaceholder(only, placeholder)) {
      remove.length = 0;
    } else {
      create.push(placeholder);
    }
  }
  return { create, update, delete: remove };
}

function isPlaceholder(slice: EndpointSlice, placeholder: EndpointSlice): boolean {
  return (
    (slice.endpoints ?? []).length === 0 &&
    (slice.ports ?? []).length === 0 &&
    slice.addressType === placeholder.addressType &&
    sameStringMap(slice.metadata?.labels, placeholder.metadata?.labels)
  );
}

/** A slice being rebuilt: the existing one and its endpoints so far. */
interface Draft {
  readonly original: EndpointSlice | undefined;
  readonly endpoints: Endpoint[];
}

function planPortGroup(options: {
  readonly service: Service;
  readonly addressType: SliceAddressType;
  readonly slices: readonly EndpointSlice[];
  readonly group: PortGroup;
  readonly maxEndpointsPerSlice: number;
}): SlicePlan {
  const { service, addressType, slices, group, maxEndpointsPerSlice: max } = options;
  const remaining = new Map(group.endpoints);
  const labels = sliceLabelsOf(service);
  const toUpdate: Draft[] = [];
  const unchanged: Draft[] = [];
  const remove: EndpointSlice[] = [];
  // 1. Keep the desired endpoints existing slices hold; drop the others.
  for (const slice of slices) {
    const kept: Endpoint[] = [];
    let changed = false;
    for (const endpoint of slice.endpoints ?? []) {
      const key = endpointKey(endpoint);
      const wanted = remaining.get(key);
      if (wanted === undefined) {
        continue;
      }
      kept.push(wanted);
      changed ||= !jsonEqual(wanted, endpoint);
      remaining.delete(key);
    }
    const removedSome = kept.length !== (slice.endpoints ?? []).length;
    if (changed || removedSome) {
      if (kept.length === 0) {
        remove.push(slice);
      } else {
        toUpdate.push({ original: slice, endpoints: kept });
      }
    } else if (!sameStringMap(slice.metadata?.labels, labels)) {
      toUpdate.push({ original: slice, endpoints: kept });
    } else {
      unchanged.push({ original: slice, endpoints: kept });
    }
  }
  const pending = Array.from(remaining.values());
  let placed = 0;
  const fill = (draft: Draft): void => {
    while (placed < pending.length && draft.endpoints.length < max) {
      draft.endpoints.push(pending[placed++] as Endpoint);
    }
  };
  // 2. Fill the slices being updated, fullest first.
  for (const draft of [...toUpdate].sort((a, b) => b.endpoints.length - a.endpoints.length)) {
    fill(draft);
  }
  // 3. Put what is left into the unchanged slice that fits it best, or new slices.
  const created: Draft[] = [];
  while (placed < pending.length) {
    const left = pending.length - placed;
    let target: Draft | undefined;
    if (left < max) {
      target = bestFit(unchanged, left, max);
      if (target !== undefined) {
        unchanged.splice(unchanged.indexOf(target), 1);
        toUpdate.push(target);
      }
    }
    if (target === undefined) {
      target = { original: undefined, endpoints: [] };
      created.push(target);
    }
    fill(target);
  }
  return {
    create: created.map((draft) =>
      newEndpointSlice({ service, addressType, ports: group.ports, endpoints: draft.endpoints }),
    ),
    update: toUpdate.map((draft) => {
      const original =
        draft.original ??
        newEndpointSlice({ service, addressType, ports: group.ports, endpoints: [] });
      return withFields(original, {
        metadata: withFields(original.metadata ?? {}, { labels: { ...labels } }),
        endpoints: draft.endpoints,
      });
    }),
    delete: remove,
  };
}

/** The unchanged slice with the least room left that still fits `count` more endpoints. */
function bestFit(drafts: readonly Draft[], count: number, max: number): Draft | undefined {
  let best: Draft | undefined;
  let bestRoom = max;
  for (const draft of drafts) {
    const room = max - (count + draft.endpoints.length);
    if (room >= 0 && room < bestRoom) {
      best = draft;
      bestRoom = room;
      if (room === 0) {
        break;
      }
    }
  }
  return best;
}
