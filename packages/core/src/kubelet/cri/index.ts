/**
 * The container runtime interface (CRI-shaped) and its simulated implementation.
 *
 * @module
 */
export * from './container-runtime.js';
export { normalizeImage, simulatedImageSize, type NormalizedImage } from './image-reference.js';
export {
  RuntimeScript,
  type ContainerBehaviour,
  type ContainerExit,
  type ContainerMatch,
  type ContainerTarget,
  type ProbeContext,
  type ScriptedProbe,
} from './runtime-script.js';
export {
  SIMULATED_RUNTIME_VERSION,
  simulatedRuntime,
  type SimulatedRuntime,
  type SimulatedRuntimeOptions,
} from './simulated-runtime.js';
