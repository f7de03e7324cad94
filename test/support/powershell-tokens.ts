/**
 * A tokenizer for the PowerShell this tool prints and writes, for tests on machines without pwsh. It
 * follows PowerShell's own tokenizer in command mode (PowerShell/PowerShell,
 * src/System.Management.Automation/engine/parser/tokenizer.cs: NextToken, ScanStringLiteral,
 * ScanStringExpandable, ScanGenericToken, ScanParameter, ScanNumberHelper, ScanToEndOfCommentLine;
 * CharTraits.cs: IsSingleQuote, IsDoubleQuote, IsDash, IsWhitespace, ForceStartNewToken) and
 * about_Quoting_Rules / about_Parsing.
 *
 * It only needs to be exact for what a test accepts: an argument comes back as a `word` with its value
 * only when PowerShell would pass that constant text; anything that expands, splats, redirects or is a
 * number comes back as another kind, which the tests refuse. Where PowerShell 5.1 and 7 differ (the
 * `e and `u{…} escapes) the token is an error, so a test cannot pass on either reading.
 */

export type PsToken = (
  | { kind: 'newline' }
  | { kind: 'comment'; text: string; looksLikeSignature: boolean; requires: boolean }
  | { kind: 'parameter'; name: string; colon: boolean }
  | { kind: 'word'; value: string }
  | { kind: 'number'; text: string }
  | { kind: 'variable'; name: string; splatted: boolean }
  | { kind: 'expandable'; text: string }
  | { kind: 'operator'; text: string }
  | { kind: 'error'; message: string }
) & { /** No white space between this token and the one before it on the line. */ joined: boolean };

type Draft = PsToken extends infer T ? (T extends unknown ? Omit<T, 'joined'> : never) : never;

const isNewline = (c: string | undefined) => c === '\r' || c === '\n';
const isSingleQuote = (c: string | undefined) => c === "'" || c === '\u2018' || c === '\u2019' || c === '\u201A' || c === '\u201B';
const isDoubleQuote = (c: string | undefined) => c === '"' || c === '\u201C' || c === '\u201D' || c === '\u201E';
const isDash = (c: string | undefined) => c === '-' || c === '\u2013' || c === '\u2014' || c === '\u2015';
/** CharTraits.IsWhitespace: space, tab, VT, FF, NBSP, NEL and every Unicode separator (Zs, Zl, Zp). Not CR, LF. */
const isWhitespace = (c: string | undefined) =>
  c !== undefined && (c === ' ' || c === '\t' || c === '\v' || c === '\f' || c === '\u00A0' || c === '\u0085' || (c > '\u00FF' && /[\p{Zs}\p{Zl}\p{Zp}]/u.test(c)));
/** CharTraits.ForceStartNewToken: the characters that end a bare word. */
const endsWord = (c: string | undefined) => c === undefined || c === '\0' || isWhitespace(c) || isNewline(c) || ';,(){}|&'.includes(c);
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
const isVariableStart = (c: string | undefined) => c !== undefined && (/[A-Za-z0-9_:?^$]/.test(c) || (c > '\u007F' && /[\p{L}\p{Nd}]/u.test(c)));
const isVariableChar = (c: string | undefined) => c !== undefined && (/[A-Za-z0-9_?]/.test(c) || (c > '\u007F' && /[\p{L}\p{Nd}]/u.test(c)));

// A word that reads whole as a number in command mode (ScanNumberHelper: decimal, real, hex, binary,
// type suffix, multiplier). Broader than PowerShell's grammar on purpose: a false "number" only makes a
// test stricter.
const NUMBER = /^[+\-\u2013\u2014\u2015]?(?:0x[0-9a-f]+|0b[01]+|(?:\d+\.?\d*|\.\d+)(?:e[+\-\u2013\u2014\u2015]?\d+)?)[a-z]{0,2}(?:[kmgtp]b)?$/i;

const BEGIN_SIGNATURE = 'sig#beginsignatureblock\n';

// Tokenizer.s_keywordText: a bare word of identifier characters that is one of these is that keyword.
const KEYWORDS = new Set(
  'elseif if else switch foreach from in for while until do try catch finally trap data return continue break exit throw begin process end dynamicparam function filter param class define var using workflow parallel sequence inlinescript configuration public private static interface enum namespace module type assembly command hidden base default clean'.split(
    ' ',
  ),
);

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! : 1 + Math.min(previous[j]!, current[j - 1]!, previous[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function tokenize(source: string): PsToken[] {
  const s = source;
  const tokens: PsToken[] = [];
  let i = 0;
  let joined = false;
  const push = (token: Draft) => {
    tokens.push({ ...token, joined } as PsToken);
    joined = true;
  };

  /** After an opening single quote: the literal, each doubled quote being one quote (the second). */
  const singleQuoted = (): { value: string } | { error: string } => {
    let value = '';
    for (;;) {
      const c = s[i];
      if (c === undefined) return { error: 'string without its closing quote' };
      if (isSingleQuote(c)) {
        if (isSingleQuote(s[i + 1])) {
          value += s[i + 1];
          i += 2;
          continue;
        }
        i++;
        return { value };
      }
      value += c;
      i++;
    }
  };

  /** Backtick escapes (Tokenizer.Backtick); `e and `u{…} exist in PowerShell 7 only. */
  const backtick = (c: string): string | { error: string } => {
    const map: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    if (c === 'e' || c === 'u') return { error: `\`${c} means something else in Windows PowerShell 5.1 and in PowerShell 7` };
    return map[c] ?? c;
  };

  /** `$` at i inside a double-quoted string or a bare word: a constant [char] subexpression, an expansion, or a plain $. */
  const dollar = (): { text: string; constant: boolean } | null => {
    const next = s[i + 1];
    if (next === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      const inner = s.slice(i + 2, j);
      const text = s.slice(i, j + 1);
      i = j + 1;
      const char = /^\[char\]0x([0-9a-f]{1,4})$/i.exec(inner);
      return char ? { text: String.fromCharCode(parseInt(char[1]!, 16)), constant: true } : { text, constant: false };
    }
    if (next === '{' || isVariableStart(next)) {
      let j = i + 2;
      if (next === '{') {
        while (j < s.length && s[j] !== '}') j++;
        j++;
      } else if (!'$?^'.includes(next!)) {
        while (isVariableChar(s[j]) || (s[j] === ':' && s[j + 1] !== ':')) j++;
      }
      const text = s.slice(i, j);
      i = j;
      return { text, constant: false };
    }
    return null;
  };

  /** After an opening double quote: the value if it is constant, else the raw text. */
  const doubleQuoted = (): { value: string; constant: boolean } | { error: string } => {
    let value = '';
    let constant = true;
    for (;;) {
      const c = s[i];
      if (c === undefined) return { error: 'string without its closing quote' };
      if (isDoubleQuote(c)) {
        if (isDoubleQuote(s[i + 1])) {
          value += s[i + 1];
          i += 2;
          continue;
        }
        i++;
        return { value, constant };
      }
      if (c === '$') {
        const expansion = dollar();
        if (expansion) {
          value += expansion.text;
          constant &&= expansion.constant;
          continue;
        }
      }
      if (c === '`') {
        const next = s[i + 1];
        if (next === undefined) return { error: 'string without its closing quote' };
        const escaped = backtick(next);
        if (typeof escaped !== 'string') return escaped;
        value += escaped;
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
  };

  /** A bare word from `start` (ScanGenericToken): quotes and escapes inside join into one argument. */
  const bareWord = (start: number) => {
    i = start;
    let value = '';
    let constant = true;
    let plain = true;
    while (!endsWord(s[i])) {
      const c = s[i]!;
      if (c === '`' && s[i + 1] !== undefined) {
        const escaped = backtick(s[i + 1]!);
        if (typeof escaped !== 'string') return push({ kind: 'error', message: escaped.error });
        value += escaped;
        i += 2;
        plain = false;
      } else if (isSingleQuote(c)) {
        i++;
        const literal = singleQuoted();
        if ('error' in literal) return push({ kind: 'error', message: literal.error });
        value += literal.value;
        plain = false;
      } else if (isDoubleQuote(c)) {
        i++;
        const text = doubleQuoted();
        if ('error' in text) return push({ kind: 'error', message: text.error });
        value += text.value;
        constant &&= text.constant;
        plain = false;
      } else if (c === '$' && dollar() !== null) {
        constant = false;
        plain = false;
      } else {
        value += c;
        i++;
      }
    }
    const text = s.slice(start, i);
    if (plain && NUMBER.test(text)) return push({ kind: 'number', text });
    if (plain && /^[A-Za-z_]\w*$/.test(text) && KEYWORDS.has(text.toLowerCase())) return push({ kind: 'operator', text: `keyword ${text}` });
    if (!constant) return push({ kind: 'expandable', text });
    return push({ kind: 'word', value });
  };

  /** A word, or an operator when the next character ends the word (CheckOperatorInCommandMode). */
  const operatorOrWord = (length: number) => {
    if (endsWord(s[i + length])) {
      push({ kind: 'operator', text: s.slice(i, i + length) });
      i += length;
    } else bareWord(i);
  };

  while (i < s.length) {
    const c = s[i]!;
    const next = s[i + 1];
    if (isWhitespace(c)) {
      i++;
      joined = false;
    } else if (isNewline(c)) {
      i += c === '\r' && next === '\n' ? 2 : 1;
      joined = false;
      push({ kind: 'newline' });
      joined = false;
    } else if (c === '#') {
      let j = i + 1;
      while (j < s.length && !isNewline(s[j])) j++;
      const text = s.slice(i + 1, j);
      // ScanToEndOfCommentLine compares the comment without white space, plus its line end, with the
      // start of a signature block; a close match ends the valid script there.
      const compact = (text.split('').filter((ch) => !isWhitespace(ch)).join('') + (s[j] ?? '')).toLowerCase();
      const looksLikeSignature = compact.length >= 14 && compact.length <= 34 && levenshtein(compact, BEGIN_SIGNATURE) < 10;
      push({ kind: 'comment', text, looksLikeSignature, requires: /^requires/i.test(text) });
      i = j;
    } else if (c === '<' && next === '#') {
      const end = s.indexOf('#>', i + 2);
      if (end < 0) {
        push({ kind: 'error', message: 'block comment without #>' });
        break;
      }
      push({ kind: 'comment', text: s.slice(i + 2, end), looksLikeSignature: false, requires: false });
      i = end + 2;
    } else if (isSingleQuote(c)) {
      i++;
      const literal = singleQuoted();
      push('error' in literal ? { kind: 'error', message: literal.error } : { kind: 'word', value: literal.value });
    } else if (isDoubleQuote(c)) {
      i++;
      const start = i - 1;
      const text = doubleQuoted();
      if ('error' in text) push({ kind: 'error', message: text.error });
      else push(text.constant ? { kind: 'word', value: text.value } : { kind: 'expandable', text: s.slice(start, i) });
    } else if (c === '`') {
      if (isNewline(next)) {
        i += next === '\r' && s[i + 2] === '\n' ? 3 : 2;
        joined = false;
      } else if (next === undefined) {
        push({ kind: 'error', message: 'backtick at the end of the input' });
        i++;
      } else if (isWhitespace(next)) {
        i += 2;
        joined = false;
      } else bareWord(i);
    } else if (isDash(c)) {
      if (isDash(next)) {
        if (s[i + 2] === '%' && endsWord(s[i + 3])) {
          push({ kind: 'operator', text: '--%' });
          i += 3;
        } else operatorOrWord(2);
      } else if (isLetter(next) || next === '_' || next === '?') {
        // ScanParameter: up to white space or one of {}();,|&.[ or a line end; a colon ends it too.
        let j = i + 1;
        let colon = false;
        let quoted = false;
        for (; j < s.length; j++) {
          const p = s[j]!;
          if (isWhitespace(p) || isNewline(p) || '{}();,|&.['.includes(p) || p === '\0') break;
          if (p === ':') {
            colon = true;
            break;
          }
          if (isSingleQuote(p) || isDoubleQuote(p)) {
            quoted = true;
            break;
          }
        }
        if (quoted) bareWord(i);
        else {
          push({ kind: 'parameter', name: s.slice(i + 1, j), colon });
          i = colon ? j + 1 : j;
        }
      } else if (next !== undefined && /[0-9.]/.test(next)) bareWord(i);
      else operatorOrWord(1);
    } else if (c === '@') {
      if (next === '{' || next === '(') {
        push({ kind: 'operator', text: `@${next}` });
        i += 2;
      } else if (isSingleQuote(next) || isDoubleQuote(next)) {
        push({ kind: 'error', message: 'here-string' });
        break;
      } else if (isVariableStart(next)) {
        let j = i + 1;
        while (isVariableChar(s[j])) j++;
        push({ kind: 'variable', name: s.slice(i + 1, j), splatted: true });
        i = j;
      } else {
        push({ kind: 'error', message: 'unrecognized token @' });
        i++;
      }
    } else if (c === '\0') {
      push({ kind: 'error', message: 'NUL character' });
      i++;
    } else if (c === '$') {
      const start = i;
      const expansion = dollar();
      if (expansion === null) bareWord(start);
      else if (!endsWord(s[i]) && s[i] !== '.' && s[i] !== '[') bareWord(start);
      else if (expansion.text.startsWith('$(')) push({ kind: 'expandable', text: expansion.text });
      else push({ kind: 'variable', name: expansion.text.slice(1).replace(/^\{|\}$/g, ''), splatted: false });
    } else if (c === '<' || c === '>') {
      const text = next === '>' ? c + next : c;
      push({ kind: 'operator', text });
      i += text.length;
    } else if (/[1-6*]/.test(c) && next === '>') {
      const text = s[i + 2] === '>' ? `${c}>>` : `${c}>`;
      push({ kind: 'operator', text });
      i += text.length;
    } else if (c === '&' || c === '|') {
      const text = next === c ? c + c : c;
      push({ kind: 'operator', text });
      i += text.length;
    } else if (';,(){}]'.includes(c)) {
      push({ kind: 'operator', text: c });
      i++;
    } else if (c === '[' || '=+*/%!'.includes(c)) {
      if (c === '+' && next !== undefined && /[0-9.]/.test(next)) bareWord(i);
      else operatorOrWord(1);
    } else if (c === '.') {
      if (next !== undefined && /[0-9]/.test(next)) bareWord(i);
      else if (endsWord(next) || next === '$' || isSingleQuote(next) || isDoubleQuote(next)) {
        push({ kind: 'operator', text: '.' });
        i++;
      } else bareWord(i);
    } else if (c === ':') {
      if (/^:[A-Za-z_]\w*$/.test(s.slice(i).split(/[\s;,(){}|&]/u)[0]!)) {
        const label = s.slice(i).split(/[\s;,(){}|&]/u)[0]!;
        push({ kind: 'operator', text: label });
        i += label.length;
      } else bareWord(i);
    } else bareWord(i);
  }
  return tokens;
}

/** What an argument means, for comparing: a word's exact text, `$name` for a variable, else `<kind text>`. */
export function argumentValue(token: PsToken): string {
  switch (token.kind) {
    case 'word':
      return token.value;
    case 'variable':
      return `${token.splatted ? '@' : '$'}${token.name}`;
    case 'number':
    case 'expandable':
      return `<${token.kind} ${token.text}>`;
    default:
      return `<${token.kind}>`;
  }
}

export interface PsCommand {
  name: string;
  /** `-Name value` and `-Name:value` pairs, by parameter name. */
  parameters: Record<string, string>;
  /** Arguments without a parameter name, in order (a comma list is one argument joined with ,). */
  positional: string[];
}

/**
 * The commands of a script: split at line ends, ; and |, comments dropped. Every parameter of the
 * generated scripts takes a value, so each `-Name` takes the next element. Throws on what the
 * generated scripts never contain: errors, arguments glued to a string before them, a parameter
 * without its value, a comment that looks like a signature block or a #requires line.
 */
export function commandsOf(script: string): PsCommand[] {
  const commands: PsCommand[] = [];
  let current: PsToken[] = [];
  const finish = () => {
    if (current.length > 0) commands.push(toCommand(current));
    current = [];
  };
  for (const token of tokenize(script)) {
    if (token.kind === 'error') throw new Error(`PowerShell would not parse this: ${token.message}`);
    if (token.kind === 'comment') {
      if (token.looksLikeSignature) throw new Error(`a comment looks like a signature block: #${token.text}`);
      if (token.requires) throw new Error(`a comment is a #requires statement: #${token.text}`);
      continue;
    }
    if (token.kind === 'newline' || (token.kind === 'operator' && [';', '|', '&&', '||'].includes(token.text))) finish();
    else current.push(token);
  }
  finish();
  return commands;
}

function toCommand(tokens: PsToken[]): PsCommand {
  const [head, ...rest] = tokens;
  if (head?.kind !== 'word') throw new Error(`a command does not start with a command name: ${head ? argumentValue(head) : '(nothing)'}`);
  const command: PsCommand = { name: head.value, parameters: {}, positional: [] };
  // Comma lists (Format-List A,B,C) become one argument.
  const elements: string[][] = [];
  const names: Array<string | null> = [];
  for (let k = 0; k < rest.length; k++) {
    const token = rest[k]!;
    if (token.kind === 'operator' && token.text === ',') {
      const after = rest[++k];
      if (!after || after.kind === 'parameter' || elements.length === 0) throw new Error('a comma without values on both sides');
      elements.at(-1)!.push(argumentValue(after));
      continue;
    }
    if (token.joined && k > 0 && !(rest[k - 1]!.kind === 'parameter' && (rest[k - 1] as { colon: boolean }).colon)) {
      throw new Error(`an argument is glued to the one before it: ${argumentValue(token)}`);
    }
    if (token.kind === 'parameter') {
      names.push(token.name);
      elements.push([]);
      const value = rest[k + 1];
      if (!value || value.kind === 'parameter' || value.kind === 'operator') throw new Error(`-${token.name} without a value`);
      elements.at(-1)!.push(argumentValue(value));
      k++;
      continue;
    }
    names.push(null);
    elements.push([argumentValue(token)]);
  }
  elements.forEach((values, n) => {
    const name = names[n];
    const value = values.join(',');
    if (name === null || name === undefined) command.positional.push(value);
    else if (name in command.parameters) throw new Error(`-${name} given twice`);
    else command.parameters[name] = value;
  });
  return command;
}
