import { currentLanguage, render } from '../messages/index.js';
import type { AutomaticOutcome } from './run.js';

/**
 * `setup --automatic --json`: what the run made or reused (ids only), what it read first, and the
 * proof's report (`check`'s JSON). A published contract: schema/automatic-result.schema.json. Never
 * a secret: the secret's key id and where it was delivered, not its value.
 */
export function automaticResultJson(outcome: AutomaticOutcome, extra: { scriptPath: string | null }) {
  const state = outcome.state;
  return {
    lang: currentLanguage(),
    outcome: outcome.kind,
    ok: outcome.kind === 'proved' && outcome.report.ok,
    tenantId: state?.tenantId ?? null,
    mailbox: state?.mailbox ?? null,
    from: state?.from ?? null,
    app: state?.app ? { appId: state.app.appId, objectId: state.app.objectId } : null,
    servicePrincipalId: state?.servicePrincipal?.id ?? null,
    consent: state?.consent ? { assignmentId: state.consent.assignmentId } : null,
    secret: state?.secret ? { keyId: state.secret.keyId, endDateTime: state.secret.endDateTime, delivered: state.secret.delivered } : null,
    certificate: state?.certificate ? { path: state.certificate.path, notAfter: state.certificate.notAfter } : null,
    exchange: {
      servicePrincipal: state?.exchange.servicePrincipal === true,
      mailboxPermission: state?.exchange.mailboxPermission === true,
      sendAs: state?.exchange.sendAs === true,
      smtpAuth: state?.exchange.smtpAuth === true,
    },
    reused: outcome.kind === 'proved' ? outcome.reused : [],
    findings: outcome.findings.map((f) => ({
      check: f.check,
      state: f.state,
      text: render(f.message),
      status: f.failure && f.failure.kind === 'answer' ? f.failure.status : null,
    })),
    handover:
      outcome.kind === 'handover'
        ? { cmdlet: outcome.outcome.failure.cmdlet, scriptPath: extra.scriptPath }
        : null,
    check: outcome.kind === 'proved' ? { ok: outcome.report.ok, exitCode: outcome.report.exitCode, diagnosis: outcome.report.diagnosis } : null,
  };
}
