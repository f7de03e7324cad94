/**
 * Values that break naive PowerShell quoting, each for a reason PowerShell's tokenizer gives; shared by
 * the tests of src/powershell-quote.ts, the wizard's script and the diagnosis fixes.
 */
export const HOSTILE_VALUES = [
  'Contoso’s sender', // U+2019 closes a single-quoted string
  '‘quoted’ ‚low‛', // the other three single quotes
  '“Contoso” „Versand”', // double quotes
  "O'Brien's app",
  "''", // only quotes
  "'’‘‚‛",
  '-a@contoso.com', // a parameter name when bare
  '–a@contoso.com', // en dash: a parameter too
  '—x',
  '--%', // stop-parsing token
  '@x', // splatting
  '@(evil)',
  '$(evil)',
  '$env:USERNAME',
  '${x}',
  '`n`$x',
  'a`',
  'x; Remove-Mailbox -Identity y',
  'x | Out-Null',
  'x & y',
  '#not a comment',
  '<# block #>',
  'a #>',
  'end',
  'if',
  '1kb',
  '0x1F',
  '1e5',
  '42',
  '.5',
  '+1',
  '3>x',
  'a,b',
  '(x)',
  '{x}',
  '[x]',
  'Müller Versand',
  '送信アプリ',
  'emoji 📨 mail',
  'non\u00A0breaking',
  'line\u2028separator',
  'next\u0085line',
  'CR\rinside',
  'LF\ninside',
  'CRLF\r\ninside',
  'tab\there',
  'nul\u0000inside',
  'bell\u0007',
  'rtl \u202Eevil',
  'lone \uD800 surrogate',
  '',
  ' ',
  '   padded   ',
  'x'.repeat(5000),
  '’'.repeat(300),
];
