/**
 * Rendering outcomes for people: the results table and the failure list.
 *
 * Pure functions from outcomes to text, so that what the user sees can be tested
 * without running anything.
 *
 * @module
 */
import { meetsTarget, type BenchmarkOutcome } from './outcome.js';

/** Formatters by number of fraction digits; `en-US` so output is the same everywhere. */
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const HUNDREDTHS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const SIGNIFICANT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/**
 * A value for display, with thousands separators and no more precision than a
 * benchmark has: whole numbers from 100 up (`1,234,567`), two decimals from 1
 * (`12.35`), three significant digits below (`0.00123`).
 */
export function formatValue(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) {
    return WHOLE.format(value);
  }
  return magnitude >= 1 ? HUNDREDTHS.format(value) : SIGNIFICANT.format(value);
}

/** The columns of the results table, in order. */
const COLUMNS = ['benchmark', 'value', 'unit', 'better', 'target', 'met'] as const;

/** Columns whose cells are numbers, aligned to the right. */
const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['value', 'target']);

/**
 * The results table: one row per outcome, in order, with a header.
 *
 * `met` is `✓` or `✗` for a benchmark with a target, and empty without one. A failed
 * benchmark shows `FAILED` as its value; {@link formatFailures} says why.
 */
export function formatTable(outcomes: readonly BenchmarkOutcome[]): string {
  const rows = outcomes.map(({ benchmark, report }): readonly string[] => {
    const { name, unit, better, target } = benchmark;
    const targetCell = target === undefined ? '' : formatValue(target);
    if (report.kind === 'failed') {
      return [name, 'FAILED', unit, better, targetCell, ''];
    }
    const met = meetsTarget(report.value, better, target);
    return [
      name,
      formatValue(report.value),
      unit,
      better,
      targetCell,
      met === undefined ? '' : met ? '✓' : '✗',
    ];
  });
  const widths = COLUMNS.map((column, index) =>
    Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const render = (cells: readonly string[]): string =>
    COLUMNS.map((column, index) => {
      const cell = cells[index] ?? '';
      const width = widths[index] ?? 0;
      return NUMERIC_COLUMNS.has(column) ? cell.padStart(width) : cell.padEnd(width);
    })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(COLUMNS), rule, ...rows.map(render)].join('\n');
}

/**
 * Why each failed benchmark failed, one block per failure with its detail (such as a
 * stack trace) indented below; the empty string when nothing failed.
 */
export function formatFailures(outcomes: readonly BenchmarkOutcome[]): string {
  const blocks: string[] = [];
  for (const { benchmark, report } of outcomes) {
    if (report.kind === 'failed') {
      const detail = report.detail === undefined ? '' : `\n${indent(report.detail)}`;
      blocks.push(`✗ ${benchmark.name} ${report.reason}${detail}`);
    }
  }
  return blocks.length === 0 ? '' : `${blocks.length} failed:\n${blocks.join('\n')}`;
}

/** `text` with every line indented by four spaces. */
function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
