/**
 * The node port step of a service write, as upstream's `initNodePorts` (create) and
 * `updateNodePorts` / `releaseNodePorts` (update).
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { FieldError } from '../../api/codec/index.js';
import type { ServicePort, ServiceSpec } from '../../api/kinds/core-v1/index.js';
import { internalError, type Status } from '../../api/status/index.js';
import { withFields, withoutFields } from '../object-copy.js';
import { forbidden, invalid } from '../validation/field-errors.js';
import { needsNodePorts, type AllocationContext } from './allocation-context.js';

const NODE_PORT: ReadonlySet<string> = new Set(['nodePort']);

/** The node ports a service holds: each port's, and its `healthCheckNodePort`. */
export function heldNodePorts(spec: ServiceSpec | undefined): number[] {
  const held = (spec?.ports ?? []).map((port) => port.nodePort ?? 0);
  held.push(spec?.healthCheckNodePort ?? 0);
  return [...new Set(held.filter((port) => port !== 0))];
}

/**
 * `spec` with its node ports settled against `old` (undefined on create):
 *
 * - a type without node ports: those the old service held are freed (and dropped
 *   from `spec` when it left them unchanged); a `ClusterIP` service may name none;
 * - `NodePort` / `LoadBalancer`: a port without one keeps the old port's of the same
 *   name, shares the one of another entry with the same `port` (TCP and UDP of one
 *   port), or gets the next free one (unless `allocateLoadBalancerNodePorts: false`);
 *   a requested one is reserved; old ones no longer used are freed.
 *
 * Errors: 422 at `spec.ports[i].nodePort` for a requested port outside the range
 * (`provided port is not in the valid range. The range of valid ports is
 * 30000-32767`), taken (`provided port is already allocated`), or set on a
 * `ClusterIP` service (`Forbidden: may not be used when \`type\` is 'ClusterIP'`);
 * 500 `failed to allocate a nodePort: range is full`.
 */
export function withNodePorts(
  spec: ServiceSpec,
  old: ServiceSpec | undefined,
  context: AllocationContext,
): Either<Status, ServiceSpec> {
  const oldHeld = new Set(heldNodePorts(old));
  if (!needsNodePorts(spec)) {
    const dropped = needsNodePorts(old) && sameNodePorts(spec, old) ? withoutNodePorts(spec) : spec;
    freeUnused(oldHeld, new Set(heldNodePorts(dropped)), context);
    const errors: FieldError[] = [];
    if ((dropped.type ?? 'ClusterIP') === 'ClusterIP') {
      for (const [index, port] of (dropped.ports ?? []).entries()) {
        if ((port.nodePort ?? 0) !== 0) {
          errors.push(
            forbidden(
              `spec.ports[${index}].nodePort`,
              "may not be used when `type` is 'ClusterIP'",
            ),
          );
        }
      }
    }
    return errors.length > 0 ? left(context.invalid(errors)) : right(dropped);
  }
  const patched = needsNodePorts(old) ? withOldNodePorts(spec.ports ?? [], old) : spec.ports;
  const ports = [...(patched ?? [])];
  const byServicePort = new Map<number, number>();
  const { nodePortRange: range, nodePorts: pool } = context;
  const errors: FieldError[] = [];
  for (const [index, port] of ports.entries()) {
    const requested = port.nodePort ?? 0;
    if (
      requested === 0 ||
      oldHeld.has(requested) ||
      [...byServicePort.values()].includes(requested)
    ) {
      if (requested !== 0) {
        byServicePort.set(port.port, requested);
      }
      continue;
    }
    const offset = requested - range.first;
    const field = `spec.ports[${index}].nodePort`;
    if (offset < 0 || offset >= range.size) {
      const detail = `provided port is not in the valid range. The range of valid ports is ${range.text}`;
      errors.push(invalid(field, requested, detail));
    } else if (!pool.reserve(offset, context.owner)) {
      errors.push(invalid(field, requested, 'provided port is already allocated'));
    } else {
      context.reserved.push({ pool, offset });
      byServicePort.set(port.port, requested);
    }
  }
  if (errors.length > 0) {
    return left(context.invalid(errors));
  }
  const allocates = spec.type !== 'LoadBalancer' || spec.allocateLoadBalancerNodePorts !== false;
  for (const [index, port] of ports.entries()) {
    if ((port.nodePort ?? 0) !== 0 || !allocates) {
      continue;
    }
    let nodePort = byServicePort.get(port.port);
    if (nodePort === undefined) {
      const offset = pool.allocateNext(context.owner, { keepCursor: context.dryRun });
      if (offset === undefined) {
        return left(internalError({ message: 'failed to allocate a nodePort: range is full' }));
      }
      context.reserved.push({ pool, offset });
      nodePort = range.first + offset;
      byServicePort.set(port.port, nodePort);
    }
    ports[index] = withFields(port, { nodePort });
  }
  const next = spec.ports === undefined ? spec : withFields(spec, { ports });
  freeUnused(oldHeld, new Set(heldNodePorts(next)), context);
  return right(next);
}

/** Upstream's `patchAllocatedValues`: a port left without a node port keeps its old one, by name. */
function withOldNodePorts(
  ports: readonly ServicePort[],
  old: ServiceSpec | undefined,
): readonly ServicePort[] {
  const byName = new Map((old?.ports ?? []).map((port) => [port.name ?? '', port.nodePort ?? 0]));
  const stillUsed = new Set(ports.map((port) => port.nodePort ?? 0));
  return ports.map((port) => {
    const previous = byName.get(port.name ?? '') ?? 0;
    return (port.nodePort ?? 0) === 0 && previous !== 0 && !stillUsed.has(previous)
      ? withFields(port, { nodePort: previous })
      : port;
  });
}

function sameNodePorts(spec: ServiceSpec, old: ServiceSpec | undefined): boolean {
  const ports = spec.ports ?? [];
  const oldPorts = old?.ports ?? [];
  return (
    ports.length === oldPorts.length &&
    ports.every((port, index) => (port.nodePort ?? 0) === (oldPorts[index]?.nodePort ?? 0))
  );
}

function withoutNodePorts(spec: ServiceSpec): ServiceSpec {
  return spec.ports === undefined
    ? spec
    : withFields(spec, { ports: spec.ports.map((port) => withoutFields(port, NODE_PORT)) });
}

function freeUnused(
  oldHeld: ReadonlySet<number>,
  newHeld: ReadonlySet<number>,
  context: AllocationContext,
): void {
  for (const port of oldHeld) {
    const offset = port - context.nodePortRange.first;
    if (!newHeld.has(port) && offset >= 0 && offset < context.nodePortRange.size) {
      context.released.push({ pool: context.nodePorts, offset });
    }
  }
}
