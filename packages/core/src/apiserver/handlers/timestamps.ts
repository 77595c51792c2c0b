/**
 * Times as the API writes them.
 *
 * @module
 */

/**
 * A time as `metav1.Time` serializes it: RFC 3339 in UTC, to the second
 * (`2025-01-01T00:00:00Z`).
 */
export function formatTime(millis: number): string {
  const iso = new Date(millis).toISOString();
  return `${iso.slice(0, 19)}Z`;
}
