import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/diagnose/index.js';
import { wordsForFacts } from '../../src/diagnose/words.js';
import { ERRORS_DOC_FILES, renderErrorsDoc } from '../../src/diagnose/errors-doc.js';
import { loadLanguage } from '../../src/messages/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOC = join(ROOT, 'docs', 'errors.md');

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

  it('is also generated in German (docs/errors.de.md) from the German texts, with German Learn links', async () => {
    const german = renderErrorsDoc('de');
    const committed = readFileSync(join(ROOT, ERRORS_DOC_FILES.de), 'utf8');
    expect(committed === german, 'docs/errors.de.md is stale: run `npm run errors-doc` and commit the result').toBe(true);
    const de = await loadLanguage('de');
    expect(german).toContain(`# ${de.t('diagnosis.doc.heading')}`);
    for (const entry of catalog) {
      expect(german, entry.code).toContain(`\n### ${entry.code}\n\n**${wordsForFacts(entry.code, {}, de.render).title}**`);
      if (entry.learnMore) expect(german).toContain(`<${entry.learnMore.replace('/en-us/', '/de-de/')}>`);
    }
    expect(german).not.toContain('/en-us/');
    // The same entries, in the same order, with the same facts as the English reference.
    const codesIn = (doc: string) => [...doc.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(codesIn(german)).toEqual(codesIn(rendered));
  });
});
