// sasl.jaas.config parsed the way Kafka parses it. Kafka's JaasConfig runs java.io.StreamTokenizer with its
// default syntax plus `//` and `/* */` comments and `-`, `_`, `$` as word characters; this reproduces that
// tokenizer's observable behaviour so a value means here what it means to a Java client (single quotes, escapes,
// comments, numbers that are not values, a lone `/` that starts a comment…).

export type ControlFlag = 'REQUIRED' | 'REQUISITE' | 'SUFFICIENT' | 'OPTIONAL';

export interface JaasEntry {
  loginModule: string;
  controlFlag: ControlFlag;
  options: Map<string, string>;
}

/** A sasl.jaas.config value Kafka would refuse; the message says why without repeating option values. */
export class JaasSyntaxError extends Error {}

const WHITESPACE = 1;
const DIGIT = 2;
const ALPHA = 4;
const QUOTE = 8;
const COMMENT = 16;

// Character classes of a StreamTokenizer built with its default constructor, then configured as JaasConfig does.
const CTYPE = new Uint8Array(256);
for (let c = 'a'.charCodeAt(0); c <= 'z'.charCodeAt(0); c++) CTYPE[c]! |= ALPHA;
for (let c = 'A'.charCodeAt(0); c <= 'Z'.charCodeAt(0); c++) CTYPE[c]! |= ALPHA;
for (let c = 160; c <= 255; c++) CTYPE[c]! |= ALPHA;
for (let c = 0; c <= 32; c++) CTYPE[c] = WHITESPACE;
CTYPE['/'.charCodeAt(0)] = COMMENT;
CTYPE['"'.charCodeAt(0)] = QUOTE;
CTYPE["'".charCodeAt(0)] = QUOTE;
for (const ch of '0123456789.-') CTYPE[ch.charCodeAt(0)]! |= DIGIT;
for (const ch of '-_$') CTYPE[ch.charCodeAt(0)]! |= ALPHA;

const ctype = (c: number): number => (c < 0 ? WHITESPACE : c < 256 ? CTYPE[c]! : ALPHA);

type Token =
  | { kind: 'eof' }
  | { kind: 'word'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'number' }
  | { kind: 'char'; ch: string };

class Tokenizer {
  #pos = 0;
  constructor(private readonly s: string) {}

  #read(): number {
    return this.#pos < this.s.length ? this.s.charCodeAt(this.#pos++) : -1;
  }
  #unread(c: number): void {
    if (c >= 0) this.#pos--;
  }

  next(): Token {
    for (;;) {
      let c = this.#read();
      while (c >= 0 && ctype(c) & WHITESPACE) c = this.#read();
      if (c < 0) return { kind: 'eof' };
      const ct = ctype(c);
      if (ct & DIGIT) {
        // A lone '-' is an ordinary character; digits and '.' make a number, which has no string value.
        if (c === 0x2d) {
          const d = this.#read();
          if (d !== 0x2e && (d < 0x30 || d > 0x39)) {
            this.#unread(d);
            return { kind: 'char', ch: '-' };
          }
          c = d;
        }
        let seenDot = false;
        while ((c === 0x2e && !seenDot) || (c >= 0x30 && c <= 0x39)) {
          if (c === 0x2e) seenDot = true;
          c = this.#read();
        }
        this.#unread(c);
        return { kind: 'number' };
      }
      if (ct & ALPHA) {
        const start = this.#pos - 1;
        do c = this.#read();
        while (c >= 0 && ctype(c) & (ALPHA | DIGIT));
        this.#unread(c);
        return { kind: 'word', text: this.s.slice(start, this.#pos) };
      }
      if (ct & QUOTE) return { kind: 'quoted', text: this.#quoted(c) };
      if (c === 0x2f) {
        const d = this.#read();
        if (d === 0x2a) {
          // /* … */ — an unterminated one runs to the end.
          let prev = 0;
          let e: number;
          while ((e = this.#read()) !== 0x2f || prev !== 0x2a) {
            if (e < 0) return { kind: 'eof' };
            prev = e;
          }
          continue;
        }
        // '//' or, since '/' is also the default comment character, any other '/': the rest of the line.
        this.#unread(d);
        this.#skipLine();
        continue;
      }
      return { kind: 'char', ch: String.fromCharCode(c) };
    }
  }

  #skipLine(): void {
    let c: number;
    while ((c = this.#read()) >= 0 && c !== 0x0a && c !== 0x0d);
    this.#unread(c);
  }

  /** A quoted string: ends at the same quote, a line break or the end; C-style and octal escapes. */
  #quoted(q: number): string {
    let out = '';
    let d = this.#read();
    while (d >= 0 && d !== q && d !== 0x0a && d !== 0x0d) {
      let c: number;
      if (d === 0x5c) {
        c = this.#read();
        const first = c;
        if (c >= 0x30 && c <= 0x37) {
          c -= 0x30;
          let c2 = this.#read();
          if (c2 >= 0x30 && c2 <= 0x37) {
            c = (c << 3) + (c2 - 0x30);
            c2 = this.#read();
            if (c2 >= 0x30 && c2 <= 0x37 && first <= 0x33) {
              c = (c << 3) + (c2 - 0x30);
              d = this.#read();
            } else d = c2;
          } else d = c2;
        } else {
          const esc: Record<number, number> = { 0x61: 7, 0x62: 8, 0x66: 12, 0x6e: 10, 0x72: 13, 0x74: 9, 0x76: 11 };
          if (c < 0) break; // a backslash at the very end adds nothing we could represent
          c = esc[c] ?? c;
          d = this.#read();
        }
      } else {
        c = d;
        d = this.#read();
      }
      out += String.fromCharCode(c);
    }
    // A line break ends the string but is not consumed (it is whitespace for the next token).
    if (d !== q) this.#unread(d);
    return out;
  }
}

const stringValue = (t: Token): string | null => (t.kind === 'word' || t.kind === 'quoted' ? t.text : null);

/** Every login module entry of a JAAS configuration text, as Kafka's JaasConfig reads it. */
export function parseJaasConfig(text: string): JaasEntry[] {
  const tok = new Tokenizer(text);
  const entries: JaasEntry[] = [];
  let t = tok.next();
  while (t.kind !== 'eof') {
    const loginModule = stringValue(t);
    if (!loginModule) throw new JaasSyntaxError('Login module class name expected in JAAS config');
    const flagTok = tok.next();
    if (flagTok.kind === 'eof') throw new JaasSyntaxError('Login module control flag not specified in JAAS config');
    const flag = stringValue(flagTok)?.toUpperCase();
    if (flag !== 'REQUIRED' && flag !== 'REQUISITE' && flag !== 'SUFFICIENT' && flag !== 'OPTIONAL') {
      throw new JaasSyntaxError(flag === undefined ? 'Login module control flag is not available in the JAAS config' : `Invalid login module control flag '${flag}' in JAAS config`);
    }
    const options = new Map<string, string>();
    let n = 0;
    for (t = tok.next(); t.kind !== 'eof' && !(t.kind === 'char' && t.ch === ';'); t = tok.next()) {
      const key = stringValue(t);
      n++;
      const eq = tok.next();
      const valueTok = eq.kind === 'char' && eq.ch === '=' ? tok.next() : null;
      const value = valueTok ? stringValue(valueTok) : null;
      // The option is named by position only: after a tokenizing surprise the "key" may be part of a secret.
      if (value === null) throw new JaasSyntaxError(`Value not specified for option ${n} of ${loginModule.split('.').pop()} in JAAS config`);
      options.set(key ?? 'null', value);
    }
    if (t.kind === 'eof') throw new JaasSyntaxError('JAAS config entry not terminated by semi-colon');
    entries.push({ loginModule, controlFlag: flag, options });
    t = tok.next();
  }
  if (entries.length === 0) throw new JaasSyntaxError('Login module not specified in JAAS config');
  return entries;
}

/** The single login module a client's sasl.jaas.config must hold (Kafka's JaasContext refuses more). */
export function parseClientJaas(text: string): JaasEntry {
  const entries = parseJaasConfig(text);
  if (entries.length !== 1) throw new JaasSyntaxError(`JAAS config property contains ${entries.length} login modules, should be 1 module`);
  return entries[0]!;
}
