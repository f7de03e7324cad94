import { describe, expect, it } from 'vitest';
import { loadLanguage } from '../../src/messages/index.js';
import { runCli } from '../support/cli.js';

/**
 * `LANG=de_DE.UTF-8 npm run demo` off a terminal (a pipe, CI): the demo's own words follow the
 * locale; `setup` without a terminal refuses in the same language. (The walk itself, on a
 * terminal, is in test/e2e/setup-pty.test.ts, in both languages.)
 */
const [en, de] = await Promise.all([loadLanguage('en'), loadLanguage('de')]);

describe('demo and setup in the locale\'s language', () => {
  it('LANG=de_DE.UTF-8: the demo says in German what runs where and what the sandbox received', async () => {
    const run = await runCli(['demo'], { env: { NO_COLOR: '1', LANG: 'de_DE.UTF-8' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(de.t('demo.title', { scenario: 'healthy' }));
    expect(run.stderr.replace(/\s+/g, ' ')).toContain(de.t('demo.sandbox-only'));
    expect(run.stdout).toContain(de.t('demo.received'));
    expect(run.stdout + run.stderr).not.toContain(en.t('demo.received'));
    expect(run.stdout + run.stderr).not.toContain(en.t('demo.sandbox-only').slice(0, 30));
  });

  it('without a locale: English, as before', async () => {
    const run = await runCli(['demo'], { env: { NO_COLOR: '1', LANG: 'C' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(en.t('demo.title', { scenario: 'healthy' }));
    expect(run.stdout).toContain(en.t('demo.received'));
  });

  it('setup off a terminal refuses in the language chosen (SMTP_OAUTH_LANG), exit 2', async () => {
    const run = await runCli(['setup'], { env: { SMTP_OAUTH_LANG: 'de' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(de.t('wizard.setup.not-a-terminal'));
  });
});
