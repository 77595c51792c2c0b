/**
 * Reading the label selector string form, as in `?labelSelector=` and `kubectl -l`
 * (apimachinery's `labels.Parse`).
 *
 * Grammar (whitespace ` `, `\t`, `\r`, `\n` may separate any two tokens):
 *
 * ```text
 * selector    ::= "" | requirement { "," requirement }
 * requirement ::= "!" KEY | KEY [ set-op "(" [ values ] ")" | exact-op [ VALUE ] ]
 * set-op      ::= "in" | "notin"
 * exact-op    ::= "=" | "==" | "!=" | ">" | "<"
 * values      ::= [ VALUE ] { "," [ VALUE ] }        (an empty slot is the value "")
 * ```
 *
 * A token runs until whitespace or one of `=!(),<>`; `in` and `notin` are keywords
 * only where an operator is expected, so `in=notin` and `x in (in)` are valid.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { parseInt64Bound } from './decimal-int64.js';
import type { LabelOperator, LabelRequirement } from './label-requirement.js';
import { labelSelectorFromRequirements, type LabelSelector } from './label-selector.js';
import { validateLabelKey, validateLabelValue } from './label-syntax.js';
import { selectorSyntaxError, type SelectorSyntaxError } from './selector-error.js';

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * Parses a label selector string into a matcher. The empty string (or only
 * whitespace) selects everything.
 *
 * Guarantees: requirements come out sorted by key, and each one's values sorted and
 * without duplicates; `x=` and `x in ()` require the empty value.
 *
 * Errors: `left(SelectorSyntaxError)` naming the position and the token that is wrong,
 * for a malformed string (`x in (a`, `,x`, `x==a==b`), an invalid key or value
 * (`-x`, `x=-a`), or a `>`/`<` bound that is not a 64-bit integer (`x>a`), such as
 * `unable to parse label selector "app=(" at position 4: found '(', expected: identifier`.
 */
export function parseLabelSelector(input: string): Either<SelectorSyntaxError, LabelSelector> {
  const parsed = new Parser(tokenize(input)).parseSelector();
  if (isLeft(parsed)) {
    return left(selectorSyntaxError({ selectorKind: 'label', input, ...parsed.left }));
  }
  return right(labelSelectorFromRequirements(parsed.right));
}

// ---------------------------------------------------------------------------
// lexer
// ---------------------------------------------------------------------------

type TokenKind =
  'identifier' | 'in' | 'notin' | '!' | '=' | '==' | '!=' | '>' | '<' | '(' | ')' | ',' | 'end';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset of the token's first character in the input. */
  readonly position: number;
}

const SYMBOLS = '=!(),<>';

function isWhitespace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\n';
}

function tokenize(input: string): readonly Token[] {
  const tokens: Token[] = [];
  let position = 0;
  for (;;) {
    while (position < input.length && isWhitespace(input.charAt(position))) {
      position++;
    }
    if (position >= input.length) {
      tokens.push({ kind: 'end', text: '', position });
      return tokens;
    }
    const start = position;
    const char = input.charAt(position);
    if (SYMBOLS.includes(char)) {
      // The longest symbol wins: `!=` and `==` are the only two-character ones.
      const pair = input.slice(position, position + 2);
      const text = pair === '!=' || pair === '==' ? pair : char;
      position += text.length;
      tokens.push({ kind: text as TokenKind, text, position: start });
      continue;
    }
    while (
      position < input.length &&
      !SYMBOLS.includes(input.charAt(position)) &&
      !isWhitespace(input.charAt(position))
    ) {
      position++;
    }
    const text = input.slice(start, position);
    const kind = text === 'in' || text === 'notin' ? text : 'identifier';
    tokens.push({ kind, text, position: start });
  }
}

// ---------------------------------------------------------------------------
// parser
// ---------------------------------------------------------------------------

/** A parse failure before it is wrapped with the input. */
interface Failure {
  readonly position: number;
  readonly detail: string;
}

/**
 * Where a token is read: where values are expected, the keywords `in` and `notin`
 * are plain identifiers.
 */
type Context = 'operator' | 'values';

/** A value as written, with where it was written (for error messages). */
interface PlacedValue {
  readonly value: string;
  readonly position: number;
}

const OPERATORS: Partial<Record<TokenKind, LabelOperator>> = {
  in: 'in',
  notin: 'notin',
  '=': '=',
  '==': '==',
  '!=': '!=',
  '>': 'gt',
  '<': 'lt',
};

const EXPECTED_OPERATOR = 'in, notin, =, ==, !=, gt, lt';

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseSelector(): Either<Failure, LabelRequirement[]> {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const next = this.lookahead('values');
      if (next.kind === 'end') {
        return right(requirements);
      }
      if (next.kind !== 'identifier' && next.kind !== '!') {
        return found(next, "expected: !, identifier, or 'end of string'");
      }
      const requirement = this.parseRequirement();
      if (isLeft(requirement)) {
        return requirement;
      }
      requirements.push(requirement.right);
      const separator = this.consume('values');
      if (separator.kind === 'end') {
        return right(requirements);
      }
      if (separator.kind !== ',') {
        return found(separator, "expected: ',' or 'end of string'");
      }
      const following = this.lookahead('values');
      if (following.kind !== 'identifier' && following.kind !== '!') {
        return found(following, "expected: identifier after ','");
      }
    }
  }

  private parseRequirement(): Either<Failure, LabelRequirement> {
    let keyToken = this.consume('values');
    const absent = keyToken.kind === '!';
    if (absent) {
      keyToken = this.consume('values');
    }
    if (keyToken.kind !== 'identifier') {
      return found(keyToken, 'expected: identifier');
    }
    const key = keyToken.text;
    const keyProblems = validateLabelKey(key);
    if (keyProblems.length > 0) {
      return left({
        position: keyToken.position,
        detail: `invalid label key '${key}': ${keyProblems.join('; ')}`,
      });
    }
    if (absent) {
      // Anything after `!key` but a `,` is reported by the caller.
      return right({ key, operator: '!', values: [] });
    }
    const next = this.lookahead('values').kind;
    if (next === 'end' || next === ',') {
      return right({ key, operator: 'exists', values: [] });
    }
    const operatorToken = this.consume('operator');
    const operator = OPERATORS[operatorToken.kind];
    if (operator === undefined) {
      return found(operatorToken, `expected: ${EXPECTED_OPERATOR}`);
    }
    const values =
      operator === 'in' || operator === 'notin' ? this.parseValueSet() : this.parseExactValue();
    if (isLeft(values)) {
      return values;
    }
    const problem = checkValues(operator, values.right);
    if (problem !== undefined) {
      return left(problem);
    }
    const distinct = [...new Set(values.right.map((placed) => placed.value))].sort();
    return right({ key, operator, values: distinct });
  }

  /** `( a, b, , c )`: the parenthesised, comma-separated values of `in` and `notin`. */
  private parseValueSet(): Either<Failure, PlacedValue[]> {
    const open = this.consume('values');
    if (open.kind !== '(') {
      return found(open, "expected: '('");
    }
    const first = this.lookahead('values');
    if (first.kind === ')') {
      this.consume('values');
      return right([{ value: '', position: first.position }]);
    }
    if (first.kind !== 'identifier' && first.kind !== ',') {
      return found(first, "expected: ',', ')' or identifier");
    }
    return this.parseValueList();
  }

  /** The values inside `( ... )` up to and including `)`; an empty slot is `''`. */
  private parseValueList(): Either<Failure, PlacedValue[]> {
    const values: PlacedValue[] = [];
    // Whether the next token may be a value: at the start and after each `,`.
    let expectValue = true;
    for (;;) {
      const token = this.consume('values');
      if (token.kind === 'identifier' && expectValue) {
        values.push({ value: token.text, position: token.position });
        expectValue = false;
      } else if (token.kind === ',' || token.kind === ')') {
        if (expectValue) {
          values.push({ value: '', position: token.position });
        }
        if (token.kind === ')') {
          return right(values);
        }
        expectValue = true;
      } else {
        return found(token, expectValue ? "expected: ',', or identifier" : "expected: ',' or ')'");
      }
    }
  }

  /** The value after `=`, `==`, `!=`, `>` or `<`; nothing before `,` or the end is `''`. */
  private parseExactValue(): Either<Failure, PlacedValue[]> {
    const next = this.lookahead('values');
    if (next.kind === 'end' || next.kind === ',') {
      return right([{ value: '', position: next.position }]);
    }
    const token = this.consume('values');
    if (token.kind !== 'identifier') {
      return found(token, 'expected: identifier');
    }
    return right([{ value: token.text, position: token.position }]);
  }

  private lookahead(context: Context): Token {
    return inContext(this.current(), context);
  }

  private consume(context: Context): Token {
    const token = this.current();
    // The end token is never passed: every rule stops there.
    if (token.kind !== 'end') {
      this.index++;
    }
    return inContext(token, context);
  }

  private current(): Token {
    return this.tokens[this.index] ?? (this.tokens[this.tokens.length - 1] as Token);
  }
}

function inContext(token: Token, context: Context): Token {
  return context === 'values' && (token.kind === 'in' || token.kind === 'notin')
    ? { ...token, kind: 'identifier' }
    : token;
}

/** The first problem with the values of a requirement, as `labels.NewRequirement` checks them. */
function checkValues(operator: LabelOperator, values: readonly PlacedValue[]): Failure | undefined {
  if (operator === 'gt' || operator === 'lt') {
    for (const { value, position } of values) {
      if (parseInt64Bound(value) === undefined) {
        return {
          position,
          detail: `invalid value '${value}': for 'gt', 'lt' operators, the value must be an integer`,
        };
      }
    }
  }
  for (const { value, position } of values) {
    const problems = validateLabelValue(value);
    if (problems.length > 0) {
      return { position, detail: `invalid label value '${value}': ${problems.join('; ')}` };
    }
  }
  return undefined;
}

function found(token: Token, expected: string): Either<Failure, never> {
  const what = token.kind === 'end' ? 'end of string' : `'${token.text}'`;
  return left({ position: token.position, detail: `found ${what}, ${expected}` });
}
