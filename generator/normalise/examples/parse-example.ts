import JSON5 from 'json5';

/**
 * Parses the text of a documented example response. The examples are hand-written and often not JSON
 * (seed-quirks §2.8), so we try, in order:
 *   1. JSON.parse;
 *   2. JSON5, a maintained tolerant parser (comments, trailing commas, single quotes, unquoted keys);
 *   3. our own repairing parser, for the defects that remain in the providers' examples.
 *
 * The repairing parser is a JSON parser that accepts, and names, exactly these defects:
 *   - `double-brace`: `{ { ... } }`, an object wrapped in a second pair of braces (GET /balance);
 *   - `comment`: `// ...` and `/* ... *\/` outside strings (GET /contact/privileges);
 *   - `elision`: `(...)`, `...` or `…` standing for left-out members or elements, in an object, an
 *     array, or in a member's value position (the member is then dropped);
 *   - `trailing-comma`: `,` right before `}` or `]`;
 *   - `missing-comma`: two object members with no comma between them (`"content":"127.0.0.1"` newline
 *     `"type":"A"`), and two array elements on different lines with no comma between them;
 *   - `control-character-in-string`: raw newlines, CR, tabs inside a string literal;
 *   - `non-json-whitespace`: NBSP, BOM and other Unicode spaces between tokens.
 * CRLF, CR and tabs between tokens are JSON whitespace already. String contents are never changed:
 * an elision marker inside a string literal ("eyJ0eXAi(...)5lZ9") is text and stays as it is.
 * Anything else (a missing quote, a stray word, `,,`) is reported as unparseable.
 */

export type RepairName =
  | 'json5'
  | 'double-brace'
  | 'comment'
  | 'elision'
  | 'trailing-comma'
  | 'missing-comma'
  | 'control-character-in-string'
  | 'non-json-whitespace';

export type ParsedExample =
  | { readonly ok: true; readonly value: unknown; readonly repairs: readonly RepairName[] }
  | { readonly ok: false; readonly reason: string };

/** Deeper nesting than this is refused rather than risking the call stack. */
const MAX_NESTING = 512;

export function parseExample(text: string): ParsedExample {
  try {
    return { ok: true, value: JSON.parse(text), repairs: [] };
  } catch {
    // not strict JSON; try the tolerant parsers
  }
  try {
    const value: unknown = JSON5.parse(text);
    // JSON5 also accepts Infinity and NaN, which no JSON response can carry.
    if (isJsonValue(value)) return { ok: true, value, repairs: ['json5'] };
  } catch {
    // not JSON5 either
  }
  try {
    return new RepairingParser(text).parse();
  } catch (error) {
    return { ok: false, reason: error instanceof ParseFailure ? error.message : `parser failure: ${String(error)}` };
  }
}

function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > MAX_NESTING) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
  if (typeof value === 'object' && value !== null) return Object.values(value).every((v) => isJsonValue(v, depth + 1));
  return true;
}

class ParseFailure extends Error {}

type Token =
  | { readonly kind: '{' | '}' | '[' | ']' | ':' | ',' | 'elision' | 'end'; readonly at: number; readonly newlineBefore: boolean }
  | { readonly kind: 'value'; readonly value: unknown; readonly at: number; readonly newlineBefore: boolean };

/** Whitespace JSON allows between tokens. */
const JSON_WHITESPACE = /[ \t\n\r]/;
/** Other whitespace that hand-written examples contain (NBSP, BOM, Unicode spaces). */
const OTHER_WHITESPACE = /[\u00a0\ufeff\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const ELISION = /^(\(\.\.\.\)|\(…\)|\.\.\.|…)/;
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/;
const LITERALS: readonly [string, unknown][] = [['true', true], ['false', false], ['null', null]];

class RepairingParser {
  private pos = 0;
  private readonly repairs = new Set<RepairName>();
  private lookahead: Token[] = [];

  constructor(private readonly text: string) {}

  parse(): ParsedExample {
    this.skipElisions();
    if (this.peek().kind === 'end') throw this.fail('the example is empty', this.peek());
    const value = this.value(0);
    this.skipElisions();
    const rest = this.peek();
    if (rest.kind !== 'end') throw this.fail('unexpected text after the example', rest);
    return { ok: true, value, repairs: [...this.repairs] };
  }

  // ---- grammar -------------------------------------------------------------------------------

  private value(depth: number): unknown {
    if (depth > MAX_NESTING) throw this.fail(`nesting deeper than ${MAX_NESTING}`, this.peek());
    const token = this.next();
    if (token.kind === 'value') return token.value;
    if (token.kind === '{') return this.object(depth);
    if (token.kind === '[') return this.array(depth);
    throw this.fail(`expected a value, found ${describe(token)}`, token);
  }

  /** After `{`. */
  private object(depth: number): Record<string, unknown> {
    if (depth > MAX_NESTING) throw this.fail(`nesting deeper than ${MAX_NESTING}`, this.peek());
    if (this.peek().kind === '{') {
      // `{ { ... } }`: the outer braces wrap one object and nothing else.
      this.next();
      const inner = this.object(depth + 1);
      this.skipElisions();
      const close = this.next();
      if (close.kind !== '}') throw this.fail(`expected "}" closing a doubled brace, found ${describe(close)}`, close);
      this.repairs.add('double-brace');
      return inner;
    }
    const result: Record<string, unknown> = {};
    let state: 'start' | 'after-member' | 'after-comma' | 'after-elision' = 'start';
    for (;;) {
      const token = this.peek();
      if (token.kind === 'elision') {
        this.next();
        this.repairs.add('elision');
        state = 'after-elision';
      } else if (token.kind === '}') {
        this.next();
        if (state === 'after-comma') this.repairs.add('trailing-comma');
        return result;
      } else if (token.kind === ',') {
        // A comma separates members; one right after an elision is the elided member's separator.
        if (state !== 'after-member' && state !== 'after-elision') throw this.fail('unexpected ","', token);
        this.next();
        state = 'after-comma';
      } else if (token.kind === 'value' && typeof token.value === 'string') {
        if (state === 'after-member') {
          if (this.peek(1).kind !== ':') throw this.fail(`expected "," or "}", found ${describe(token)}`, token);
          this.repairs.add('missing-comma');
        }
        this.next();
        const colon = this.next();
        if (colon.kind !== ':') throw this.fail(`expected ":" after a key, found ${describe(colon)}`, colon);
        if (this.peek().kind === 'elision') {
          // `"key": (...)`: the value is left out, so the member tells us nothing; drop it.
          this.next();
          this.repairs.add('elision');
          state = 'after-elision';
          continue;
        }
        setOwn(result, token.value, this.value(depth + 1));
        state = 'after-member';
      } else {
        throw this.fail(`expected a key or "}", found ${describe(token)}`, token);
      }
    }
  }

  /** After `[`. */
  private array(depth: number): unknown[] {
    const result: unknown[] = [];
    let state: 'start' | 'after-element' | 'after-comma' | 'after-elision' = 'start';
    for (;;) {
      const token = this.peek();
      if (token.kind === 'elision') {
        this.next();
        this.repairs.add('elision');
        state = 'after-elision';
      } else if (token.kind === ']') {
        this.next();
        if (state === 'after-comma') this.repairs.add('trailing-comma');
        return result;
      } else if (token.kind === ',') {
        if (state !== 'after-element' && state !== 'after-elision') throw this.fail('unexpected ","', token);
        this.next();
        state = 'after-comma';
      } else if (token.kind === 'value' || token.kind === '{' || token.kind === '[') {
        if (state === 'after-element') {
          // Only elements on separate lines: `1 2` on one line is too ambiguous to guess at.
          if (!token.newlineBefore) throw this.fail(`expected "," or "]", found ${describe(token)}`, token);
          this.repairs.add('missing-comma');
        }
        result.push(this.value(depth + 1));
        state = 'after-element';
      } else {
        throw this.fail(`expected a value or "]", found ${describe(token)}`, token);
      }
    }
  }

  private skipElisions(): void {
    while (this.peek().kind === 'elision') {
      this.next();
      this.repairs.add('elision');
    }
  }

  // ---- tokens --------------------------------------------------------------------------------

  private peek(ahead = 0): Token {
    while (this.lookahead.length <= ahead) this.lookahead.push(this.lex());
    return this.lookahead[ahead]!;
  }

  private next(): Token {
    const token = this.peek();
    this.lookahead.shift();
    return token;
  }

  private lex(): Token {
    const newlineBefore = this.skipSpaceAndComments();
    const text = this.text;
    const at = this.pos;
    if (at >= text.length) return { kind: 'end', at, newlineBefore };
    const ch = text[at]!;
    if ('{}[]:,'.includes(ch)) {
      this.pos++;
      return { kind: ch as '{' | '}' | '[' | ']' | ':' | ',', at, newlineBefore };
    }
    if (ch === '"') return { kind: 'value', value: this.string(), at, newlineBefore };
    const rest = text.slice(at, at + 32);
    const elision = ELISION.exec(rest);
    if (elision) {
      this.pos += elision[0].length;
      return { kind: 'elision', at, newlineBefore };
    }
    const number = NUMBER.exec(text.slice(at, at + 400));
    if (number && !/[A-Za-z0-9_.]/.test(text[at + number[0].length] ?? '')) {
      this.pos += number[0].length;
      return { kind: 'value', value: Number(number[0]), at, newlineBefore };
    }
    for (const [word, value] of LITERALS) {
      if (rest.startsWith(word) && !/[A-Za-z0-9_$]/.test(text[at + word.length] ?? '')) {
        this.pos += word.length;
        return { kind: 'value', value, at, newlineBefore };
      }
    }
    throw this.fail(`unexpected character ${JSON.stringify(ch)}`, { at });
  }

  /** Skips whitespace and comments; returns whether a line break was among them. */
  private skipSpaceAndComments(): boolean {
    const text = this.text;
    let newline = false;
    while (this.pos < text.length) {
      const ch = text[this.pos]!;
      if (JSON_WHITESPACE.test(ch)) {
        if (ch === '\n' || ch === '\r') newline = true;
        this.pos++;
      } else if (OTHER_WHITESPACE.test(ch)) {
        if (ch === '\u2028' || ch === '\u2029') newline = true;
        this.repairs.add('non-json-whitespace');
        this.pos++;
      } else if (text.startsWith('//', this.pos)) {
        const end = text.slice(this.pos).search(/[\r\n]/);
        this.pos = end < 0 ? text.length : this.pos + end;
        this.repairs.add('comment');
      } else if (text.startsWith('/*', this.pos)) {
        const end = text.indexOf('*/', this.pos + 2);
        if (end < 0) throw this.fail('unterminated /* comment', { at: this.pos });
        if (/[\r\n]/.test(text.slice(this.pos, end))) newline = true;
        this.pos = end + 2;
        this.repairs.add('comment');
      } else break;
    }
    return newline;
  }

  /** A double-quoted string; raw control characters inside are kept as the characters they are. */
  private string(): string {
    const text = this.text;
    const start = this.pos;
    let literal = '"';
    let chunk = start + 1;
    for (let i = start + 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x5c) i++;
      else if (code === 0x22) {
        literal += text.slice(chunk, i + 1);
        this.pos = i + 1;
        try {
          return JSON.parse(literal) as string;
        } catch {
          throw this.fail('invalid escape in string', { at: start });
        }
      } else if (code < 0x20) {
        literal += text.slice(chunk, i) + `\\u${code.toString(16).padStart(4, '0')}`;
        chunk = i + 1;
        this.repairs.add('control-character-in-string');
      }
    }
    throw this.fail('unterminated string', { at: start });
  }

  private fail(message: string, where: { at: number }): ParseFailure {
    const before = this.text.slice(0, where.at);
    const line = before.split(/\r\n|\n|\r/).length;
    const column = where.at - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return new ParseFailure(`${message} at line ${line} column ${column}`);
  }
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the example';
  if (token.kind === 'elision') return 'an elision';
  if (token.kind === 'value') return JSON.stringify(token.value)?.slice(0, 40) ?? String(token.value);
  return `"${token.kind}"`;
}

/** Defines an own property, also for keys such as "__proto__" that plain assignment would treat specially. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
