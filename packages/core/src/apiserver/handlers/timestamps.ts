/**
 * Times as the API writes them.
 *
 * @module
 */

// Timestamps have a resolution of one second and writes come in bursts: the last one
// formatted is usually the next one asked for.
let lastSecond = Number.NaN;
let lastFormatted = '';

/**
 * A time as `metav1.Time` serializes it: RFC 3339 in UTC, to the second
 * (`2025-01-01T00:00:00Z`).
 */
export function formatTime(millis: number): string {
  const second = Math.floor(millis / 1000);
  if (second !== lastSecond) {
    lastFormatted = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
    lastSecond = second;
  }
  return lastFormatted;
}
