import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCRIPT_FILE, servicePrincipalStep } from '../../../src/wizard/steps/service-principal.js';
import { smtpAuthStep } from '../../../src/wizard/steps/smtp-auth.js';
import { type Answer, ENTER, recordingScreen, scriptedPrompter, removeScratchDirs, scratchDir } from '../../support/wizard.js';
import { commandsOf } from '../../support/powershell-tokens.js';
import { IDS } from '../fixtures.js';
import { msg, render } from '../../../src/messages/index.js';
import { expectMode } from '../../support/platform.js';

afterAll(removeScratchDirs);

function run(answers: Record<string, Answer | Answer[]>, workDir = scratchDir('sp'), appDisplayName = 'SMTP sender') {
  const prompter = scriptedPrompter(answers);
  const screen = recordingScreen();
  const remembered: Array<Record<string, unknown>> = [];
  const outcome = servicePrincipalStep(
    {
      answers: { tenantId: 'contoso.onmicrosoft.com', clientId: IDS.clientId },
      token: { servicePrincipalObjectId: IDS.servicePrincipalObjectId, appDisplayName },
      workDir,
    },
    { prompter, screen, remember: async (patch) => void remembered.push(patch) },
  );
  return { outcome, prompter, screen, remembered, workDir };
}

describe('step 2: Exchange service principal', () => {
  it('fills the PowerShell with the token oid and the answers, and says why the object id cannot be wrong', async () => {
    const { outcome, screen, remembered } = run({ mailbox: 'alerts@contoso.com', from: ENTER, senderName: 'Alerts', saveScript: false, servicePrincipalDone: ENTER });
    expect(await outcome).toEqual({ kind: 'next', answers: expect.objectContaining({ mailbox: 'alerts@contoso.com', from: 'alerts@contoso.com', senderName: 'Alerts' }), scriptPath: null });
    expect(screen.text).toContain(`New-ServicePrincipal -AppId ${IDS.clientId} -ObjectId ${IDS.servicePrincipalObjectId} -DisplayName 'SMTP sender'`);
    expect(screen.text).toContain(`Add-MailboxPermission -Identity alerts@contoso.com -User ${IDS.servicePrincipalObjectId} -AccessRights FullAccess`);
    expect(screen.text).toContain('Connect-ExchangeOnline');
    expect(screen.text).not.toContain('Add-RecipientPermission');
    // Why the object id cannot be the wrong one: it is the token's, named in the step's words.
    expect(screen.paramsOf('wizard.sp.object-id')).toEqual([{ objectId: IDS.servicePrincipalObjectId }]);
    expect(screen.paramsOf('wizard.sp.run')).toEqual([{ sendAs: false }]);
    expect(remembered).toEqual([{ mailbox: 'alerts@contoso.com' }, { from: 'alerts@contoso.com' }, { senderName: 'Alerts' }]);
  });

  it('adds SendAs when the sender is another address, and refuses invalid addresses on entry', async () => {
    const { outcome, screen, prompter } = run({
      mailbox: ['alerts', 'alerts@contoso.com'],
      from: 'noreply@contoso.com',
      senderName: ['Line\nbreak', ENTER],
      saveScript: false,
      servicePrincipalDone: ENTER,
    });
    expect((await outcome).kind).toBe('next');
    expect(prompter.rejected.map((r) => r.name)).toEqual(['mailbox', 'senderName']);
    // The sender name's own rule answers in the language in use.
    expect(render(prompter.rejected[1]!.reason)).toBe('must be one line without " < >');
    expect(screen.paramsOf('wizard.sp.run')).toEqual([{ sendAs: true }]);
    expect(screen.text).toContain(`Add-RecipientPermission -Identity noreply@contoso.com -Trustee ${IDS.servicePrincipalObjectId} -AccessRights SendAs`);
  });

  it('writes the .ps1 for steps 2 and 3 on request, mode 0600, never replacing a file without asking', async () => {
    const workDir = scratchDir('sp');
    writeFileSync(join(workDir, SCRIPT_FILE), 'keep me');
    const { outcome, prompter } = run(
      { mailbox: 'alerts@contoso.com', from: ENTER, senderName: ENTER, saveScript: true, scriptPath: [ENTER, 'exchange.ps1'], scriptPathOverwrite: false, servicePrincipalDone: ENTER },
      workDir,
    );
    const result = await outcome;
    const path = join(workDir, 'exchange.ps1');
    expect(result).toMatchObject({ kind: 'next', scriptPath: path });
    expect(readFileSync(join(workDir, SCRIPT_FILE), 'utf8')).toBe('keep me');
    expect(prompter.asked.some((q) => q.name === 'scriptPathOverwrite')).toBe(true);
    const script = readFileSync(path, 'utf8');
    expectMode(path, 0o600);
    expect(script).toContain(`New-ServicePrincipal -AppId ${IDS.clientId} -ObjectId ${IDS.servicePrincipalObjectId}`);
    expect(script).toContain('Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false');
  });

  it('writes the .ps1 as UTF-8 with a BOM (Windows PowerShell 5.1) and says how to run it under a blocking execution policy', async () => {
    const workDir = scratchDir('sp');
    const { outcome, screen } = run(
      { mailbox: '-a@contoso.com', from: ENTER, senderName: ENTER, saveScript: true, scriptPath: 'exchange.ps1', servicePrincipalDone: ENTER },
      workDir,
      'Müller’s Versand',
    );
    const path = join(workDir, 'exchange.ps1');
    expect(await outcome).toMatchObject({ scriptPath: path });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const script = bytes.subarray(3).toString('utf8');
    expect(commandsOf(script).find((c) => c.name === 'New-ServicePrincipal')?.parameters.DisplayName).toBe('Müller’s Versand');
    expect(commandsOf(script).find((c) => c.name === 'Set-CASMailbox')?.parameters.Identity).toBe('-a@contoso.com');
    expect(screen.text).toContain(`powershell -ExecutionPolicy Bypass -File '${path}'`);
    expect(screen.ids()).toEqual(expect.arrayContaining(['files.ps1.policy-blocked', 'files.ps1.policy-pwsh']));
  });

  it('can stop here', async () => {
    const { outcome } = run({ mailbox: 'alerts@contoso.com', from: ENTER, senderName: ENTER, saveScript: false, servicePrincipalDone: 'stop' });
    expect(await outcome).toEqual({ kind: 'stop' });
  });
});

describe('step 3: SMTP AUTH', () => {
  it('shows Set-CASMailbox and the two verification commands for the mailbox, and where the script is', async () => {
    const prompter = scriptedPrompter({ smtpAuthDone: ENTER });
    const screen = recordingScreen();
    expect(await smtpAuthStep({ mailbox: 'alerts@contoso.com', scriptPath: '/x/exchange.ps1' }, { prompter, screen })).toEqual({ kind: 'next' });
    expect(screen.text).toContain('Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false');
    expect(screen.text).toContain('Get-CASMailbox -Identity alerts@contoso.com | Format-List SmtpClientAuthenticationDisabled');
    expect(screen.text).toContain('Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled');
    expect(screen.shown[0]!.block).toEqual({ kind: 'heading', step: 3 });
    expect(screen.paramsOf('wizard.smtp-auth.why')).toEqual([{ mailbox: 'alerts@contoso.com' }]);
    expect(screen.paramsOf('wizard.smtp-auth.run')).toEqual([{ scriptPath: '/x/exchange.ps1' }]);
    expect(screen.ids()).toEqual(expect.arrayContaining(['wizard.smtp-auth.security-defaults', 'wizard.smtp-auth.propagation']));
    expect(await smtpAuthStep({ mailbox: 'a@contoso.com', scriptPath: null }, { prompter: scriptedPrompter({ smtpAuthDone: 'stop' }), screen })).toEqual({ kind: 'stop' });
  });
});
