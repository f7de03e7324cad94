/**
 * Values inside the PowerShell this tool prints and writes (the wizard's .ps1, the diagnosis fixes),
 * quoted so that PowerShell reads back exactly the value, whatever it holds.
 *
 * The rules come from PowerShell's own tokenizer (PowerShell/PowerShell,
 * src/System.Management.Automation/engine/parser/tokenizer.cs and CharTraits.cs; the Windows
 * PowerShell 5.1 engine has the same quote, dash and white-space tables) and about_Quoting_Rules
 * ("PowerShell treats smart quotation marks, also called typographic or curly quotes, as normal
 * quotation marks for strings"):
 * - Four characters open and close a single-quoted string: ' and the typographic ‘ ’ ‚ ‛
 *   (U+2018–U+201B, `IsSingleQuote`). Inside one, any of them followed by any of them is one literal
 *   quote (the second), so each is doubled with itself; nothing else is special, not even a newline.
 * - Four characters delimit a double-quoted (expandable) string: " and “ ” „ (U+201C–U+201E,
 *   `IsDoubleQuote`). Inside one, ` escapes, $ expands a variable or $( ) subexpression.
 * - Only CR and LF end a line or a # comment (CharTraits `Newline`); NEL (U+0085), NBSP (U+00A0) and
 *   every Unicode separator (U+2028, U+2029 included) are white space, which splits a bare argument.
 * - A bare argument starting with a dash (- and the typographic – — ―, `IsDash`) is a parameter name;
 *   @name is splatting; $ expands, ` escapes, # starts a comment, ; | & , ( ) { } end the word;
 *   a word that reads whole as a number (10, 1e5, 0x1F, 1kb) is passed as a number, not as text, and a
 *   word that is a keyword (if, data, function…: the tokenizer's s_keywordText) is scanned as that keyword.
 */

// Letters, digits and . _ @ + - only, starting with a letter, a digit or _: none of the characters above.
const BARE_WORD = /^[A-Za-z0-9_][\w.@+-]*$/;
const KEYWORDS = new Set(
  ('elseif if else switch foreach from in for while until do try catch finally trap data return continue break exit throw ' +
    'begin process end dynamicparam function filter param class define var using workflow parallel sequence inlinescript ' +
    'configuration public private static interface enum namespace module type assembly command hidden base default clean').split(' '),
);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Plainly safe bare: the words above that cannot read as a number — starting with a letter or _, or
 * holding an @ (an e-mail address), or a GUID (its dashes and hex groups are never a number literal) —
 * and are no keyword.
 */
export function isPlainPowerShellWord(value: string): boolean {
  if (!BARE_WORD.test(value) || KEYWORDS.has(value.toLowerCase())) return false;
  return /^[A-Za-z_]/.test(value) || value.includes('@') || GUID.test(value);
}

/**
 * Characters shown as an escape rather than written as they are: control characters (CR and LF end a
 * line; the others are invisible or move the cursor), the Unicode line and paragraph separators, the
 * bidirectional controls (they reorder what a reader sees), and unpaired surrogates (UTF-8 cannot hold
 * them, the file would get U+FFFD instead).
 */
// With the u flag a well-formed surrogate pair is one code point, so [\uD800-\uDFFF] finds only lone halves.
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\p{Bidi_Control}\uD800-\uDFFF]/u;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'gu');

const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;
// In a double-quoted string: the four double quotes, $ and the backtick itself; a backtick before any
// of them makes it literal (none of them is an escape letter such as `n).
const DOUBLE_QUOTED_SPECIAL = /["\u201C\u201D\u201E$`]/g;

const hex4 = (char: string) => char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/**
 * A PowerShell argument that reads back as exactly `value`: bare when plainly safe, else a
 * single-quoted literal with every single-quote character doubled, or — when the value holds a
 * character that must not be written as it is — a double-quoted string where those characters are
 * `$([char]0x000A)` subexpressions (Windows PowerShell 5.1 has no `u{…} escape) and " “ ” „ $ ` are
 * backtick-escaped.
 */
export function psArgument(value: string): string {
  return isPlainPowerShellWord(value) ? value : psStringLiteral(value);
}

/**
 * Always a string literal, never a bare word: for the value side of an assignment such as
 * `$env:NAME = …`, which PowerShell reads as an expression (a bare word there would be run as a command).
 */
export function psStringLiteral(value: string): string {
  if (!UNPRINTABLE.test(value)) return `'${value.replace(SINGLE_QUOTES, (quote) => quote + quote)}'`;
  const escaped = value
    .replace(DOUBLE_QUOTED_SPECIAL, (char) => `\`${char}`)
    .replace(UNPRINTABLE_ALL, (char) => `$([char]0x${hex4(char)})`);
  return `"${escaped}"`;
}

/**
 * A value inside a # comment: as it is, except the characters that would end the comment (CR, LF) or
 * hide what follows, shown as <U+000A>. A line comment can hold anything else: `<#` and `#>` only
 * matter in block comments, which this tool never writes, and `#requires` only right after the #,
 * where this tool's comments have a space.
 */
export function psCommentText(value: string): string {
  return value.replace(UNPRINTABLE_ALL, (char) => `<U+${hex4(char)}>`);
}
