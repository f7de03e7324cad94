import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainPowerShellWord, psArgument, psCommentText } from '../src/powershell-quote.js';
import { HOSTILE_VALUES } from './support/hostile-values.js';
import { argumentValue, commandsOf, tokenize } from './support/powershell-tokens.js';

/** The values a line `Set-Thing -Value <quoted>` passes, read back with PowerShell's rules. */
const readBack = (quoted: string) => commandsOf(`Set-Thing -Value ${quoted} -Other x`);


describe('psArgument: every value reads back exactly', () => {
  it.each(HOSTILE_VALUES.map((value) => [JSON.stringify(value).slice(0, 40), value]))('%s', (_label, value) => {
    const quoted = psArgument(value);
    expect(readBack(quoted)).toEqual([{ name: 'Set-Thing', parameters: { Value: value, Other: 'x' }, positional: [] }]);
    // One line, whatever the value holds: CR and LF (the only line ends) never appear as they are.
    expect(quoted).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
  });

  it('keeps plainly safe values bare: addresses, GUIDs, simple words', () => {
    for (const value of ['alerts@contoso.com', 'o.brien+smtp@contoso.com', '1alerts@contoso.com', '9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002', 'O365USGovGCCHigh', 'SendAs']) {
      expect(psArgument(value)).toBe(value);
    }
  });

  it('quotes with doubled single quotes, or a double-quoted string with escapes for unprintable characters', () => {
    expect(psArgument('Contoso’s sender')).toBe("'Contoso’’s sender'");
    expect(psArgument("-o'brien@contoso.com")).toBe("'-o''brien@contoso.com'");
    expect(psArgument('$(evil)')).toBe("'$(evil)'");
    expect(psArgument('a\nb “$x” `')).toBe('"a$([char]0x000A)b `“`$x`” ``"');
  });

  it('bare only what is plainly safe (no leading dash, @, digit-only number, keyword, or special character)', () => {
    for (const value of ['-a', '@a', '1', '1kb', '0x10', '.a', '+a', 'a$b', 'a`b', 'a,b', 'a;b', 'a(b', 'a{b', 'a b', '#a', 'a#b', 'é', 'if', 'Data']) {
      expect(isPlainPowerShellWord(value)).toBe(false);
    }
  });

  it('round-trips arbitrary strings (fast-check), including lone surrogates and every quote character', () => {
    const specials = fc.constantFrom(...`'‘’‚‛"“”„\`$@#;|&,(){}[]<>-–—―%:.+= \t\r\n\u0000\u0085\u00A0\u2028\u2029\u202E\uD800\uDC00`.split(''));
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: fc.oneof(specials, fc.constantFrom('a', 'b', '1', 'e', 'x')), maxLength: 40 }),
    );
    fc.assert(
      fc.property(anyText, (value) => {
        const quoted = psArgument(value);
        expect(readBack(quoted)[0]!.parameters).toEqual({ Value: value, Other: 'x' });
        expect(quoted).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('psCommentText: nothing ends a # comment early', () => {
  it('round-trips arbitrary strings as one comment on one line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...HOSTILE_VALUES)), (value) => {
        const tokens = tokenize(`# Check: ObjectId must read ${psCommentText(value)}.\r\nGet-Thing`);
        expect(tokens.map((t) => t.kind)).toEqual(['comment', 'newline', 'word']);
      }),
      { numRuns: 500 },
    );
  });

  it('shows line ends and other unprintable characters as <U+…>, and leaves the rest as it is', () => {
    expect(psCommentText('a\r\nb\u2028c\u0085d')).toBe('a<U+000D><U+000A>b<U+2028>c<U+0085>d');
    expect(psCommentText('Contoso’s <# sender #>')).toBe('Contoso’s <# sender #>');
  });
});

describe('the test tokenizer follows PowerShell (tokenizer.cs)', () => {
  const values = (source: string) => tokenize(source).map((t) => `${t.kind}:${t.kind === 'parameter' ? t.name : argumentValue(t)}`);

  it('reads the four single quotes as quotes, each doubled one as one literal quote', () => {
    expect(values("'a’’b' ‘x’ '‚‚' ‛''‛")).toEqual(['word:a’b', 'word:x', 'word:‚', "word:'"]);
    expect(tokenize("'Contoso’s sender'").some((t) => t.kind === 'error')).toBe(true);
  });

  it('reads dashes (also – — ―) as parameters, @ as splatting, $ as expansion, numbers as numbers', () => {
    // A '.' ends a parameter name (ScanParameter): the rest of the address becomes another argument.
    expect(values('-a@contoso.com –Name x')).toEqual(['parameter:a@contoso', 'word:.com', 'parameter:Name', 'word:x']);
    expect(values('@x $x "$x" "`$x" $ 1kb 0x1F 9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002')).toEqual([
      'variable:@x',
      'variable:$x',
      'expandable:<expandable "$x">',
      'word:$x',
      'word:$',
      'number:<number 1kb>',
      'number:<number 0x1F>',
      'word:9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002',
    ]);
  });

  it('ends a line only at CR or LF; NBSP, NEL and U+2028 separate words; # inside a word is no comment', () => {
    expect(tokenize('a\u00A0b\u0085c\u2028d').map((t) => t.kind)).toEqual(['word', 'word', 'word', 'word']);
    expect(values('a#b #c\rd')).toEqual(['word:a#b', 'comment:<comment>', 'newline:<newline>', 'word:d']);
  });

  it('spots a comment that looks like the start of a signature block, as PowerShell does', () => {
    expect(() => commandsOf('# SIG # Begin signature block\r\nGet-Thing')).toThrow(/signature/);
  });
});
