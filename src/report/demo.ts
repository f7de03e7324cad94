/**
 * `demo` for a person: what it is about to do, then (after check's own report) the message the
 * sandbox's Exchange received and what to do next. The JSON form is in json.ts (`demoJson`).
 */
import type { CheckReport } from '../check/run.js';
import { styled } from '../messages/emphasis.js';
import { t } from '../messages/index.js';
import type { Output } from '../output.js';
import type { ReceivedMessage } from '../sandbox/index.js';
import { WIDTH, wrap } from '../wizard/show.js';

/** What the demo runs against, shown before its check starts. */
export interface DemoIntro {
  scenario: { name: string; title: string };
  tenantId: string;
  clientId: string;
  mailbox: string;
  authorityHost: string;
  /** `host:port` of the sandbox's SMTP server. */
  smtp: string;
}

/** A demo's end: check's report, and what the sandbox received. */
export interface DemoOutcome {
  report: CheckReport;
  scenario: { name: string; description: string };
  received: readonly ReceivedMessage[];
}

export function renderDemoIntro(intro: DemoIntro, output: Output): void {
  const c = output.color;
  output.info(
    [
      c.bold(t('demo.title', { scenario: intro.scenario.name })) + c.dim(` (${intro.scenario.title})`),
      ...wrap(t('demo.sandbox-only'), WIDTH).map((line) => c.dim(line)),
      '',
      `  ${t('demo.identity', { tenantId: intro.tenantId, clientId: intro.clientId, mailbox: intro.mailbox })}`,
      `  ${t('demo.endpoints', { authorityHost: intro.authorityHost, smtp: intro.smtp })}`,
      '',
    ].join('\n'),
  );
}

/** After check's report: the message as the sandbox received it, then the next step (or the staged failure). */
export function renderDemoEnd(outcome: Omit<DemoOutcome, 'report'> & { ok: boolean }, output: Output): void {
  const c = output.color;
  showReceivedMessage(outcome.received, output);
  output.result(
    '\n' +
      (outcome.ok
        ? styled(t('demo.next'), { strong: (s) => c.bold(s), link: (s) => c.underline(s) })
        : t('demo.staged', { scenario: outcome.scenario.name, description: outcome.scenario.description })),
  );
}

/** The message as the sandbox's Exchange received it: proof that the whole way works. */
export function showReceivedMessage(received: readonly ReceivedMessage[], output: Output): void {
  const c = output.color;
  const message = received[0];
  if (!message) return;
  output.result(['', c.bold(t('demo.received')), ...message.raw.split(/\r?\n/).map((line) => `  ${c.dim('│')} ${line}`)].join('\n'));
}
