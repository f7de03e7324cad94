import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../src/shell.js';

describe('shellQuote', () => {
  it.each([['plain-value_1.2@x:y/z,%+='], ["it's"], ['two words'], ['$HOME `id` "q" \\ ~ *'], ['']])('%j reads back unchanged through sh', (value) => {
    const quoted = shellQuote(value);
    expect(execFileSync('sh', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8', env: {} })).toBe(value);
  });

  it('leaves a plain word bare', () => {
    expect(shellQuote('/home/a/.config/smtp-oauth-setup/config.json')).toBe('/home/a/.config/smtp-oauth-setup/config.json');
  });
});
