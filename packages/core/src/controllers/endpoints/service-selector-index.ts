/**
 * An index from pod labels to the services that select them, so that a pod event
 * finds its services without scanning every service of its namespace.
 *
 * @module
 */
import type { Pod, Service } from '../../api/kinds/index.js';
import { objectKeyString, type ObjectKey } from '../../client/index.js';
import { managedSelectorOf, selectorMatches } from './endpoint-rules.js';

interface IndexedService {
  readonly key: ObjectKey;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  /** The `key=value` pair the service is filed under (one of its selector's). */
  readonly pair: string;
}

/**
 * The services whose endpoints this controller family manages, filed by namespace and
 * by one `key=value` pair of their selector.
 *
 * Guarantees: {@link servicesSelecting} answers exactly the indexed services whose
 * selector matches the pod's labels, in its namespace; its cost grows with the
 * number of the pod's labels and of the services sharing a pair with it, not with
 * the number of services.
 *
 * Caveats: mutable, owned by one watch; services without a managed selector
 * (`ExternalName`, none, empty) are not filed.
 */
export class ServiceSelectorIndex {
  private readonly byKey = new Map<string, IndexedService>();
  /** namespace → `key=value` → service key string → the service. */
  private readonly byPair = new Map<string, Map<string, Map<string, IndexedService>>>();

  /** Files `service` (replacing what was filed under its key), or unfiles it when it has no managed selector. */
  put(service: Service): void {
    const namespace = service.metadata?.namespace ?? '';
    const name = service.metadata?.name ?? '';
    const keyString = `${namespace}/${name}`;
    this.remove(keyString);
    const selector = managedSelectorOf(service);
    if (selector === undefined) {
      return;
    }
    const [firstKey] = Object.keys(selector).sort();
    const pair = `${firstKey ?? ''}=${selector[firstKey ?? ''] ?? ''}`;
    const entry: IndexedService = { key: { namespace, name }, namespace, selector, pair };
    this.byKey.set(keyString, entry);
    let pairs = this.byPair.get(namespace);
    if (pairs === undefined) {
      pairs = new Map();
      this.byPair.set(namespace, pairs);
    }
    let services = pairs.get(pair);
    if (services === undefined) {
      services = new Map();
      pairs.set(pair, services);
    }
    services.set(keyString, entry);
  }

  /** Unfiles the service under `key` (`namespace/name` or an {@link ObjectKey}), if filed. */
  remove(key: string | ObjectKey): void {
    const keyString = typeof key === 'string' ? key : objectKeyString(key);
    const entry = this.byKey.get(keyString);
    if (entry === undefined) {
      return;
    }
    this.byKey.delete(keyString);
    const pairs = this.byPair.get(entry.namespace);
    const services = pairs?.get(entry.pair);
    services?.delete(keyString);
    if (services !== undefined && services.size === 0) {
      pairs?.delete(entry.pair);
      if (pairs?.size === 0) {
        this.byPair.delete(entry.namespace);
      }
    }
  }

  /** Forgets every service. */
  clear(): void {
    this.byKey.clear();
    this.byPair.clear();
  }

  /** The keys of every filed service. */
  keys(): readonly ObjectKey[] {
    return Array.from(this.byKey.values(), (entry) => entry.key);
  }

  /** The keys of the filed services of the pod's namespace whose selector matches its labels. */
  servicesSelecting(pod: Pod): readonly ObjectKey[] {
    const labels = pod.metadata?.labels;
    const pairs = this.byPair.get(pod.metadata?.namespace ?? '');
    if (labels === undefined || pairs === undefined) {
      return [];
    }
    const found: ObjectKey[] = [];
    for (const key in labels) {
      const services = pairs.get(`${key}=${labels[key] ?? ''}`);
      if (services === undefined) {
        continue;
      }
      for (const entry of services.values()) {
        if (selectorMatches(entry.selector, labels)) {
          found.push(entry.key);
        }
      }
    }
    return found;
  }
}
