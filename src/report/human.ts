import type { ChalkInstance } from 'chalk';
import type { CheckReport } from '../check/run.js';
import type { Diagnosis } from '../diagnose/types.js';
import type { Output } from '../output.js';

const STEP_NAMES = {
  1: 'Entra ID app (permission, admin consent, client secret)',
  2: 'Exchange service principal and mailbox permission',
  3: 'SMTP AUTH on the mailbox',
  4: 'the sending application\'s settings',
} as const;

/** The result of a check for a person: what worked, the claims that matter, and the diagnosis. */
export function renderCheckReport(report: CheckReport, output: Output): void {
  const c = output.color;
  const lines: string[] = [''];
  const claims = report.token.claims;

  if (report.ok) {
    if (report.smtp.messageId) {
      lines.push(c.green.bold('✔ The test message was accepted by the server.'));
      lines.push(`  Reply: ${report.smtp.response ?? ''}`);
    } else {
      lines.push(c.green.bold(`✔ The server accepted the token for ${report.plan.smtp.user}.`));
      lines.push(`  Nothing was sent: add --to <address> to send a test message.`);
    }
    if (report.smtp.tlsVersion) lines.push(`  TLS: ${report.smtp.tlsVersion}`);
  }

  if (claims) {
    lines.push('', c.bold('Token claims'));
    lines.push(`  roles   ${claims.roles.length ? claims.roles.join(', ') : c.yellow('(none: no application permission has admin consent)')}`);
    lines.push(`  aud     ${claims.aud ?? '(none)'}`);
    lines.push(`  tid     ${claims.tid ?? '(none)'}`);
    lines.push(`  appid   ${claims.appid ?? '(none)'}`);
    lines.push(`  oid     ${claims.oid ?? '(none)'}  ${c.dim('← service principal object id for New-ServicePrincipal -ObjectId')}`);
    if (claims.exp) lines.push(`  expires ${new Date(claims.exp * 1000).toISOString()}`);
  }

  // What the SMTP connection (opened beside the token request) proved before the check stopped: facts
  // beside a diagnosis that came earlier (the token) or at AUTH. After the claims: step order.
  if (!report.ok && !report.smtp.authenticated && report.smtp.reachable === true) lines.push('', ...renderSmtpFacts(report.smtp, c));

  const d = report.diagnosis;
  if (d) {
    lines.push('', ...renderDiagnosis(d, c));
    if (report.smtp.response && !d.summary.includes(report.smtp.response)) lines.push(`  ${c.dim(`Server said: ${report.smtp.response}`)}`);
  }

  if (report.warnings.length > 0) {
    lines.push('', c.yellow.bold('Warnings'));
    for (const warning of report.warnings) lines.push(`  ! ${warning}`);
  }
  output.result(lines.join('\n'));
}

/** What the SMTP server showed without a token: reachable, its TLS, the AUTH mechanisms it offers inside TLS. */
function renderSmtpFacts(smtp: CheckReport['smtp'], c: ChalkInstance): string[] {
  const lines = [c.bold(`SMTP server ${smtp.host}:${smtp.port}`), '  reachable  yes, it answered with its greeting'];
  lines.push(smtp.tlsVersion ? `  TLS        ${smtp.tlsVersion}` : `  TLS        ${c.yellow('not started')}`);
  if (smtp.authMechanisms) {
    const offered = smtp.authMechanisms.length ? smtp.authMechanisms.join(', ') : '(none)';
    lines.push(`  AUTH       ${offered}${smtp.authMechanisms.includes('XOAUTH2') ? '' : `  ${c.yellow('← XOAUTH2 is not offered: this server does not take OAuth tokens')}`}`);
  }
  return lines;
}

/** The fields of a diagnosis a person reads (a CheckReport's diagnosis, or one from `explain`). */
export type DiagnosisView = Pick<Diagnosis, 'summary' | 'step' | 'transient' | 'propagation' | 'fix' | 'source'> & { learnMore?: string | null };

/**
 * One diagnosis for a person: what happened, the setup step, whether waiting may help, the fix, and
 * what was recognised. Shared by `check` (and the front-ends over it) and `explain`.
 */
export function renderDiagnosis(d: DiagnosisView, c: ChalkInstance): string[] {
  const lines = [c.red.bold(`✖ ${d.summary}`)];
  lines.push(`  ${c.bold('Setup step')}: ${d.step ? `${d.step} of 4, ${STEP_NAMES[d.step]}` : 'none of the four (see below)'}`);
  // Transient first: it heals by itself, whatever anyone changed or not.
  if (d.transient) lines.push(`  ${c.yellow('Temporary')}: try again later; the same request may succeed in a few minutes.`);
  else if (d.propagation) lines.push(`  ${c.yellow('Waiting may help if you changed this in the last hour')}: Microsoft applies changes of steps 1–3 after minutes to an hour, and answers like this until then; otherwise fix it as below.`);
  lines.push(`  ${c.bold('Fix')}:`);
  for (const fixLine of d.fix.split('\n')) lines.push(`    ${fixLine}`);
  if (d.source) lines.push(`  ${c.dim(`Recognised: ${d.source}`)}`);
  if (d.learnMore) lines.push(`  ${c.dim(`More: ${d.learnMore}`)}`);
  return lines;
}
