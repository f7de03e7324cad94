import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminApiError } from '../../src/admin/errors.js';
import { ExchangeAdminClient } from '../../src/admin/exchange.js';
import { handoverBlocks, runExchangeSteps, type ExchangeDone, type ExchangeStepsDeps } from '../../src/automatic/exchange-steps.js';
import { Secret } from '../../src/inputs/secret.js';
import type { Message } from '../../src/messages/index.js';
import { SANDBOX_ADDRESSES, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { renderBlocks } from '../../src/wizard/show.js';
import { Chalk } from 'chalk';
import { loadLanguage } from '../../src/messages/index.js';
import { adminToken, exchangeAdminToken, step1, type Step1 } from '../sandbox/admin-helpers.js';
import { httpOptions } from '../admin/support.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ deviceCode: { intervalSeconds: 0 } });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
});

async function setUp() {
  const app = await step1(sandbox, await adminToken(sandbox));
  const exchange = new ExchangeAdminClient({
    exchangeUrl: sandbox.exchangeUrl,
    tenantId: sandbox.tenant.id,
    token: new Secret(await exchangeAdminToken(sandbox), 'test'),
    adminUpn: 'admin@contoso-sandbox.onmicrosoft.com',
    ...httpOptions(sandbox),
  });
  return { app, exchange };
}

function input(app: Step1, from: string = SANDBOX_ADDRESSES.mailbox) {
  return { tenantId: sandbox.tenant.id, appId: app.clientId, servicePrincipalId: app.servicePrincipalId, appName: 'SMTP sender (automatic)', mailbox: SANDBOX_ADDRESSES.mailbox, from };
}

function deps(exchange: ExchangeAdminClient, answer = true, done: ExchangeDone = {}) {
  const shown: Message[] = [];
  const questions: Message[] = [];
  const records: ExchangeDone[] = [];
  const d: ExchangeStepsDeps = {
    exchange,
    done,
    record: async (r) => void records.push(r),
    confirm: async (q) => (questions.push(q), answer),
    show: (m) => void shown.push(m),
    replication: { firstPauseMs: 20, maxPauseMs: 50, maxTotalMs: 5000 },
  };
  return { d, shown, questions, records };
}

/** How often the Exchange admin endpoint has answered `cmdlet` so far (the sandbox's event log). */
const calls = (cmdlet: string) => sandbox.eventLog.filter((e) => e.server === 'exchange-admin' && e.operation === cmdlet).length;
const ids = (ms: Message[]) => ms.map((m) => m.id);

describe('runExchangeSteps against the sandbox', () => {
  it('does steps 2–3 on a fresh app, each confirmed and recorded; a rerun changes nothing', async () => {
    const { app, exchange } = await setUp();
    const first = deps(exchange);
    expect(await runExchangeSteps(input(app), first.d)).toEqual({ kind: 'done' });
    expect(first.records.at(-1)).toEqual({ servicePrincipal: true, mailboxPermission: true, smtpAuth: true });
    expect(ids(first.shown)).toContain('automatic-exchange.sp.creating');
    expect(ids(first.shown)).not.toContain('automatic-exchange.send-as.granting');
    const sp = sandbox.tenant.exchangeServicePrincipals.find((s) => s.appId === app.clientId);
    expect(sp?.objectId).toBe(app.servicePrincipalId);

    const again = deps(exchange);
    expect(await runExchangeSteps(input(app), again.d)).toEqual({ kind: 'done' });
    expect(ids(again.shown).filter((id) => /creating|granting|enabling|removing/.test(id))).toEqual([]);
    expect(sandbox.tenant.exchangeServicePrincipals.filter((s) => s.appId === app.clientId)).toHaveLength(1);
  });

  it('reads the mailbox\'s SMTP AUTH once per run: not again when the read-only checks read it, itself when they could not', async () => {
    const { app, exchange } = await setUp();
    const reads = () => calls('Get-CASMailbox');
    // Off, as the read-only checks found it: set, then one read to confirm.
    await exchange.setCasMailbox(SANDBOX_ADDRESSES.mailbox, true);
    let before = reads();
    const first = deps(exchange);
    expect(await runExchangeSteps({ ...input(app), mailboxSmtpAuth: 'off' }, first.d)).toEqual({ kind: 'done' });
    expect(ids(first.shown)).toContain('automatic-exchange.smtp-auth.enabling');
    expect(reads() - before).toBe(1);
    // On and recorded (a rerun): nothing read, nothing set.
    before = reads();
    const rerun = deps(exchange, true, { ...first.records.at(-1)! });
    expect(await runExchangeSteps({ ...input(app), mailboxSmtpAuth: 'on' }, rerun.d)).toEqual({ kind: 'done' });
    expect(ids(rerun.shown)).not.toContain('automatic-exchange.smtp-auth.enabling');
    expect(reads() - before).toBe(0);
    // Not known (the read-only checks could not read it): read once, and it is on.
    before = reads();
    const unknown = deps(exchange, true, { ...first.records.at(-1)! });
    expect(await runExchangeSteps(input(app), unknown.d)).toEqual({ kind: 'done' });
    expect(reads() - before).toBe(1);
  });

  it('grants Send As only when the sender differs from the mailbox', async () => {
    const { app, exchange } = await setUp();
    const run = deps(exchange);
    expect(await runExchangeSteps(input(app, SANDBOX_ADDRESSES.otherMailbox.toUpperCase()), run.d)).toEqual({ kind: 'done' });
    expect(run.records.at(-1)).toMatchObject({ sendAs: true });
    expect(ids(run.shown)).toContain('automatic-exchange.send-as.granting');
  });

  it('repairs a service principal with the wrong object id on yes, and changes nothing on no', async () => {
    const { app, exchange } = await setUp();
    expect((await exchange.newServicePrincipal(app.clientId, app.appObjectId, 'wrong')).kind).toBe('ok');
    const no = deps(exchange, false);
    const declined = await runExchangeSteps(input(app), no.d);
    expect(declined).toMatchObject({ kind: 'repair-declined', found: { objectId: app.appObjectId } });
    expect(no.questions[0]).toMatchObject({ id: 'automatic-exchange.sp.repair-question', params: { found: app.appObjectId, expected: app.servicePrincipalId } });
    expect(sandbox.tenant.exchangeServicePrincipals.find((s) => s.appId === app.clientId)?.objectId).toBe(app.appObjectId);

    const yes = deps(exchange, true);
    expect(await runExchangeSteps(input(app), yes.d)).toEqual({ kind: 'done' });
    expect(ids(yes.shown)).toContain('automatic-exchange.sp.removing');
    expect(sandbox.tenant.exchangeServicePrincipals.find((s) => s.appId === app.clientId)?.objectId).toBe(app.servicePrincipalId);
  });

  it('waits out the replication delay before Exchange sees the new service principal', async () => {
    const { app, exchange } = await setUp();
    // As the sandbox marks a just-made object (markCreated): Entra's service principal is not yet visible.
    sandbox.tenant.directory.visibleFrom[app.servicePrincipalId.toLowerCase()] = Date.now() + 300;
    const run = deps(exchange);
    expect(await runExchangeSteps(input(app), run.d)).toEqual({ kind: 'done' });
    expect(ids(run.shown)).toContain('automatic-exchange.sp.waiting');
  });

  it('hands over with the real values when the endpoint answers unexpectedly', async () => {
    const { app, exchange } = await setUp();
    sandbox.automation.exchangeAdminAnswer = 'unexpected';
    try {
      const out = await runExchangeSteps(input(app), deps(exchange).d);
      expect(out).toMatchObject({
        kind: 'handover',
        failure: { kind: 'unexpected', cmdlet: 'Get-ServicePrincipal' },
        values: { tenant: sandbox.tenant.id, clientId: app.clientId, servicePrincipalObjectId: app.servicePrincipalId, mailbox: SANDBOX_ADDRESSES.mailbox },
      });
    } finally {
      sandbox.automation.exchangeAdminAnswer = 'normal' as never;
    }
  });

  it('lets a refusal propagate as AdminApiError', async () => {
    const { app } = await setUp();
    const exchange = new ExchangeAdminClient({
      exchangeUrl: sandbox.exchangeUrl,
      tenantId: sandbox.tenant.id,
      token: new Secret('not-a-token', 'test'),
      adminUpn: 'admin@contoso-sandbox.onmicrosoft.com',
      ...httpOptions(sandbox),
    });
    await expect(runExchangeSteps(input(app), deps(exchange).d)).rejects.toBeInstanceOf(AdminApiError);
    void calls;
  });
});

describe('handoverBlocks', () => {
  const values = { tenant: 'contoso.onmicrosoft.com', clientId: '11111111-1111-1111-1111-111111111111', servicePrincipalObjectId: '22222222-2222-2222-2222-222222222222', displayName: 'SMTP sender', mailbox: 'notifications@contoso.com', from: 'noreply@contoso.com' };
  for (const language of ['en', 'de'] as const) {
    it(`renders the step 2–3 screen after a warning (${language})`, async () => {
      const blocks = handoverBlocks(values, '/tmp/steps.ps1');
      expect(blocks[0]).toMatchObject({ kind: 'warning', text: { id: 'automatic-exchange.handover.warning' } });
      const { render } = await loadLanguage(language);
      expect(renderBlocks(blocks, { color: new Chalk({ level: 0 }), render }).join('\n')).toMatchSnapshot();
    });
  }
});
