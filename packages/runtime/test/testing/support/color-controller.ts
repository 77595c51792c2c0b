/**
 * A tiny controller for the harness's tests: for each ConfigMap labelled
 * `role=source` in `default`, it writes the annotation `drydock.test/color` from
 * `data.color`, and keeps a copy `<name>-copy` it controls. Both writes go through the
 * client it is given, so injected faults reach it.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  awaitChange,
  ConfigMaps,
  controller,
  setControllerReference,
  type Clock,
  type Client,
  type ConfigMap,
  type Controller,
} from '@drydock/core';

/** The annotation the controller writes. */
export const COLOR_ANNOTATION = 'drydock.test/color';

/** The controller; see the module. */
export function colorController(client: Client, clock: Clock): Controller<ConfigMap> {
  return controller({ client, clock })
    .for(ConfigMaps, { namespace: 'default', labelSelector: 'role=source' })
    .reconcile(async (request) => {
      const current = await client.get(ConfigMaps, request);
      if (isLeft(current)) {
        if (current.left.code === 404) {
          return awaitChange();
        }
        throw new Error(`get failed: ${current.left.message ?? ''}`);
      }
      const source = current.right;
      const color = source.data?.['color'] ?? '';
      if (source.metadata?.annotations?.[COLOR_ANNOTATION] !== color) {
        const patched = await client.patch(ConfigMaps, request, {
          type: 'merge',
          body: { metadata: { annotations: { [COLOR_ANNOTATION]: color } } },
        });
        if (isLeft(patched)) {
          throw new Error(`patch failed: ${patched.left.code ?? ''} ${patched.left.reason ?? ''}`);
        }
      }
      const copy = setControllerReference(source, {
        metadata: { namespace: 'default', name: `${request.name}-copy` },
        data: { color },
      } satisfies ConfigMap);
      if (isLeft(copy)) {
        throw new Error(`cannot own the copy: ${copy.left._tag}`);
      }
      const existing = await client.get(ConfigMaps, {
        namespace: 'default',
        name: `${request.name}-copy`,
      });
      const written = isLeft(existing)
        ? await client.create(ConfigMaps, copy.right)
        : existing.right.data?.['color'] === color
          ? existing
          : await client.update(ConfigMaps, { ...existing.right, data: { color } });
      if (isLeft(written)) {
        throw new Error(`copy failed: ${written.left.code ?? ''} ${written.left.reason ?? ''}`);
      }
      return awaitChange();
    });
}

/** A source ConfigMap the controller picks up. */
export function sourceConfigMap(name: string, color: string): ConfigMap {
  return {
    metadata: { namespace: 'default', name, labels: { role: 'source' } },
    data: { color },
  };
}
