import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/diagnose/index.js';
import { wordsForFacts } from '../../src/diagnose/words.js';
import { renderErrorsDoc } from '../../src/diagnose/errors-doc.js';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'errors.md');

describe('docs/errors.md', () => {
  const rendered = renderErrorsDoc();

  it('is what the catalog renders (regenerate with `npm run errors-doc`)', () => {
    const committed = readFileSync(DOC, 'utf8');
    // Not toBe(): a 1800-line diff helps nobody; the message says what to do.
    expect(committed === rendered, 'docs/errors.md is stale: run `npm run errors-doc` and commit the result').toBe(true);
  });

  it('has a section for every catalog entry with its step, exit code and fix', () => {
    for (const entry of catalog) {
      const start = rendered.indexOf(`\n### ${entry.code}\n`);
      expect(start, entry.code).toBeGreaterThan(0);
      const next = rendered.indexOf('\n### ', start + 1);
      const section = rendered.slice(start, next === -1 ? undefined : next);
      expect(section).toContain(`**${wordsForFacts(entry.code, {}).title}**`);
      expect(section).toContain(`- Setup step: ${entry.step ?? 'none of the four'}`);
      expect(section).toContain(`- Exit code: ${entry.exitCode} `);
      expect(section).toContain(`- Transient: ${entry.transient ? 'yes' : 'no'}\n`);
      expect(section).toContain(`- Propagation: ${entry.propagation ? 'yes' : 'no'}\n`);
      expect(section).toContain(wordsForFacts(entry.code, {}).fix.split('\n')[0]);
      if (entry.source) expect(section).toContain(`- Microsoft says: \`${entry.source}\``);
      if (entry.example) expect(section).toContain(entry.example.trim());
      if (entry.learnMore) expect(section).toContain(`<${entry.learnMore}>`);
      expect(rendered).toContain(`| [${entry.code}](#${entry.code}) |`);
    }
  });

  it('shows both fields in the overview table and says what they mean', () => {
    expect(rendered).toContain('| Code | Microsoft says | Step | Transient | Propagation | Exit |');
    expect(rendered).toContain('| [smtp-auth-service-principal](#smtp-auth-service-principal) | `535 5.7.3` | 2 | no | yes | 4 |');
    expect(rendered).toContain('| [smtp-temporary-server-error](#smtp-temporary-server-error) | `451 4.7.0` | — | yes | no | 6 |');
    expect(rendered).toContain('| [client-secret-invalid](#client-secret-invalid) | `AADSTS7000215` | 1 | no | no | 3 |');
    expect(rendered).toContain('- **Transient**: the same request, unchanged, with nobody doing anything, may succeed later');
    expect(rendered).toContain('- **Propagation**:');
  });

  it('shows fixes with placeholders, never a made-up value', () => {
    expect(rendered).toContain('New-ServicePrincipal -AppId <client id> -ObjectId <object id of the Enterprise application>');
    expect(rendered).toContain('Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false');
    expect(rendered).not.toMatch(/undefined|\[object /);
  });
});
