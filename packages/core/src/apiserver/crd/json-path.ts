/**
 * The simple JSON paths CRDs use in printer columns, scale paths and selectable
 * fields: `.spec.replicas`, `.spec.items[0].name`, `.metadata.labels['app.kubernetes.io/name']`,
 * `.status.conditions[?(@.type=="Ready")].status`.
 *
 * @module
 */
import { left, right, isLeft, type Either } from 'fp-ts/lib/Either.js';
import { hasOwn, isJSONObject } from './json-values.js';

/** A literal a filter compares with. */
export type JsonPathLiteral = string | number | boolean;

/**
 * One step of a parsed JSON path: a field (`.name`, `['name']`), a list index (`[0]`,
 * `[-1]` from the end), every item (`[*]`), or a filter over list items
 * (`[?(@.type=="Ready")]`, `[?(@.ready)]` for presence).
 */
export type JsonPathStep =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' }
  | {
      readonly kind: 'filter';
      readonly path: readonly JsonPathStep[];
      readonly operator: '==' | '!=' | 'exists';
      readonly value?: JsonPathLiteral;
    };

/** A parsed JSON path: its steps from the object's root. */
export interface JsonPath {
  /** The path as written. */
  readonly source: string;
  readonly steps: readonly JsonPathStep[];
}

/** Why a JSON path does not parse: what is wrong and at which character. */
export interface JsonPathError {
  readonly _tag: 'JsonPathError';
  readonly jsonPath: string;
  /** The 0-based offset of the character where parsing stopped. */
  readonly position: number;
  readonly message: string;
}

class Cursor {
  position = 0;
  constructor(readonly source: string) {}
  peek(offset = 0): string | undefined {
    return this.source[this.position + offset];
  }
  atEnd(): boolean {
    return this.position >= this.source.length;
  }
  eat(text: string): boolean {
    if (this.source.startsWith(text, this.position)) {
      this.position += text.length;
      return true;
    }
    return false;
  }
  skipSpaces(): void {
    while (this.peek() === ' ') {
      this.position++;
    }
  }
  fail(message: string): Either<JsonPathError, never> {
    return left({ _tag: 'JsonPathError', jsonPath: this.source, position: this.position, message });
  }
}

/**
 * Parses a simple JSON path that starts with `.`; `.` alone is the object itself.
 *
 * Errors: a {@link JsonPathError} for a path that does not start with `.`, an empty
 * field name (`.spec..x`), an unclosed bracket or quote, a filter that is not
 * `@.field`, `@.field==literal` or `@.field!=literal`, and recursive descent or
 * templates (`{...}`), which CRD paths do not allow.
 */
export function parseJsonPath(jsonPath: string): Either<JsonPathError, JsonPath> {
  const cursor = new Cursor(jsonPath);
  if (!jsonPath.startsWith('.') || jsonPath.startsWith('..')) {
    return cursor.fail('must start with a single "."');
  }
  if (jsonPath === '.') {
    return right({ source: jsonPath, steps: [] });
  }
  const steps = parseSteps(cursor, () => false);
  if (isLeft(steps)) {
    return steps;
  }
  return right({ source: jsonPath, steps: steps.right });
}

const FILTER_STOP = new Set([' ', '=', '!', ')', '<', '>']);

function parseSteps(
  cursor: Cursor,
  stopsField: (char: string) => boolean,
): Either<JsonPathError, JsonPathStep[]> {
  const steps: JsonPathStep[] = [];
  while (!cursor.atEnd()) {
    const char = cursor.peek();
    if (char === '.') {
      cursor.position++;
      const name = readFieldName(cursor, stopsField);
      if (name === '') {
        return cursor.fail('expected a field name after "."');
      }
      steps.push({ kind: 'field', name });
    } else if (char === '[') {
      cursor.position++;
      const step = parseBracket(cursor);
      if (isLeft(step)) {
        return step;
      }
      steps.push(step.right);
    } else if (char !== undefined && stopsField(char)) {
      break;
    } else {
      return cursor.fail(`unexpected ${JSON.stringify(char)}`);
    }
  }
  return right(steps);
}

function readFieldName(cursor: Cursor, stopsField: (char: string) => boolean): string {
  let name = '';
  for (let char = cursor.peek(); char !== undefined; char = cursor.peek()) {
    if (char === '\\' && cursor.peek(1) !== undefined) {
      name += cursor.peek(1) ?? '';
      cursor.position += 2;
      continue;
    }
    if (char === '.' || char === '[' || stopsField(char)) {
      break;
    }
    name += char;
    cursor.position++;
  }
  return name;
}

function parseBracket(cursor: Cursor): Either<JsonPathError, JsonPathStep> {
  if (cursor.eat('?(')) {
    return parseFilter(cursor);
  }
  if (cursor.eat('*]')) {
    return right({ kind: 'wildcard' });
  }
  const quote = cursor.peek();
  if (quote === "'" || quote === '"') {
    const name = readQuoted(cursor);
    if (name === undefined) {
      return cursor.fail('unclosed quote');
    }
    return cursor.eat(']') ? right({ kind: 'field', name }) : cursor.fail('expected "]"');
  }
  const match = /^-?\d+/.exec(cursor.source.slice(cursor.position));
  if (match === null) {
    return cursor.fail('expected an index, "*", a quoted name or a filter in brackets');
  }
  cursor.position += match[0].length;
  return cursor.eat(']')
    ? right({ kind: 'index', index: Number(match[0]) })
    : cursor.fail('expected "]"');
}

function readQuoted(cursor: Cursor): string | undefined {
  const quote = cursor.peek();
  const end = quote === undefined ? -1 : cursor.source.indexOf(quote, cursor.position + 1);
  if (end === -1) {
    return undefined;
  }
  const text = cursor.source.slice(cursor.position + 1, end);
  cursor.position = end + 1;
  return text;
}

function parseFilter(cursor: Cursor): Either<JsonPathError, JsonPathStep> {
  cursor.skipSpaces();
  if (!cursor.eat('@')) {
    return cursor.fail('a filter must start with "@"');
  }
  const path = parseSteps(cursor, (char) => FILTER_STOP.has(char));
  if (isLeft(path)) {
    return path;
  }
  cursor.skipSpaces();
  let step: JsonPathStep;
  if (cursor.peek() === ')') {
    step = { kind: 'filter', path: path.right, operator: 'exists' };
  } else {
    const operator = cursor.eat('==') ? '==' : cursor.eat('!=') ? '!=' : undefined;
    if (operator === undefined) {
      return cursor.fail('expected "==", "!=" or ")" in a filter');
    }
    cursor.skipSpaces();
    const value = readLiteral(cursor);
    if (value === undefined) {
      return cursor.fail('expected a quoted string, a number, true or false');
    }
    step = { kind: 'filter', path: path.right, operator, value };
  }
  cursor.skipSpaces();
  return cursor.eat(')]') ? right(step) : cursor.fail('expected ")]" to close the filter');
}

function readLiteral(cursor: Cursor): JsonPathLiteral | undefined {
  const quote = cursor.peek();
  if (quote === "'" || quote === '"') {
    return readQuoted(cursor);
  }
  const rest = cursor.source.slice(cursor.position);
  const match = /^(true|false|-?\d+(\.\d+)?)/.exec(rest);
  if (match === null) {
    return undefined;
  }
  cursor.position += match[0].length;
  return match[0] === 'true' ? true : match[0] === 'false' ? false : Number(match[0]);
}

function step(values: readonly unknown[], current: JsonPathStep): unknown[] {
  return values.flatMap((value): unknown[] => {
    switch (current.kind) {
      case 'field':
        return isJSONObject(value) && hasOwn(value, current.name) ? [value[current.name]] : [];
      case 'index': {
        if (!Array.isArray(value)) {
          return [];
        }
        const index = current.index < 0 ? value.length + current.index : current.index;
        return index >= 0 && index < value.length ? [value[index]] : [];
      }
      case 'wildcard':
        return Array.isArray(value) ? value : isJSONObject(value) ? Object.values(value) : [];
      case 'filter': {
        const items = Array.isArray(value)
          ? value
          : isJSONObject(value)
            ? Object.values(value)
            : [];
        return items.filter((item) => matchesFilter(item, current));
      }
    }
  });
}

function matchesFilter(item: unknown, filter: JsonPathStep & { readonly kind: 'filter' }): boolean {
  const [found] = filter.path.reduce<unknown[]>(step, [item]);
  switch (filter.operator) {
    case 'exists':
      return found !== undefined;
    case '==':
      return found === filter.value;
    case '!=':
      return found !== undefined && found !== filter.value;
  }
}

/**
 * The value at `jsonPath` in `object`, or `undefined` when nothing is there; when a
 * wildcard or a filter selects several values, the first, as the apiserver fills a
 * printer column with the first result.
 *
 * Errors: the {@link JsonPathError} of a path that does not parse (see
 * {@link parseJsonPath}); a path that parses but leads nowhere is `right(undefined)`.
 *
 * @example
 * ```ts
 * evaluateJsonPath(pod, '.status.conditions[?(@.type=="Ready")].status'); // right('True')
 * ```
 */
export function evaluateJsonPath(
  object: unknown,
  jsonPath: string | JsonPath,
): Either<JsonPathError, unknown> {
  const parsed = typeof jsonPath === 'string' ? parseJsonPath(jsonPath) : right(jsonPath);
  if (isLeft(parsed)) {
    return parsed;
  }
  const [first] = parsed.right.steps.reduce<unknown[]>(step, [object]);
  return right(first);
}
