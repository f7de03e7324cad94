import type { CheckReport } from '../check/run.js';

/**
 * `check --metrics-file <path>`: the Prometheus text exposition format (version 0.0.4) for
 * node_exporter's textfile collector, which reads every `*.prom` file of its directory at each
 * scrape. Pure: the checked targets in, the file's text out; `writeUserFile` writes it atomically
 * (the collector may read at any moment and must never see half a file).
 *
 * The rules followed (Prometheus "Exposition formats" and "Metric and label naming"): every name
 * has the `smtp_oauth_` prefix and a base unit (`_seconds`, never milliseconds); each family is one
 * group with its HELP and TYPE lines; one sample per target and family, labelled with the target
 * (`target`, `tenant`, `client_id`, `mailbox`: never a secret); label values escape `\`, `"` and
 * the line feed, HELP texts `\` and the line feed. A leg the check did not reach, or an expiry it
 * does not know, has no sample (absent, not 0: an alert on it must not fire on a missing value).
 *
 * Metric names, label names and HELP texts are English in every language, on purpose: they are a
 * metrics contract (dashboards and alert rules match them), not words for a person at a terminal.
 */

/** One checked target: its name (the mailbox for a single check) and report. */
export interface MetricsTarget {
  name: string;
  report: CheckReport;
}

export interface MetricsRun {
  /** The exit code of the whole run (the fleet's worst, or the single check's; 2 for invalid input). */
  exitCode: number;
  /** When the run started. */
  startedAt: Date;
}

type Labels = Record<string, string>;

interface Family {
  name: string;
  help: string;
  samples: Array<{ labels: Labels; value: number }>;
}

const LEGS = [
  ['token', 'tokenMs'],
  ['smtp_connect', 'smtpConnectMs'],
  ['smtp_auth', 'authMs'],
  ['smtp_send', 'sendMs'],
] as const;

/** The metrics file for a run that checked `targets` (none when the run could not start). */
export function prometheusMetrics(targets: readonly MetricsTarget[], run: MetricsRun): string {
  const labelsOf = ({ name, report }: MetricsTarget): Labels => ({
    target: name,
    tenant: report.plan.claims.tenantId,
    client_id: report.plan.claims.clientId,
    mailbox: report.plan.smtp.user,
  });
  const perTarget = (fn: (t: MetricsTarget, labels: Labels) => Array<{ labels: Labels; value: number }>) =>
    targets.flatMap((t) => fn(t, labelsOf(t)));
  const families: Family[] = [
    {
      name: 'smtp_oauth_check_success',
      help: 'Whether the check of the target passed (1) or failed (0).',
      samples: perTarget(({ report }, labels) => [{ labels, value: report.ok ? 1 : 0 }]),
    },
    {
      name: 'smtp_oauth_check_exit_code',
      help: 'The exit code of the check of the target: 0 ok, 1 internal, 2 input, 3 Entra ID token, 4 Exchange refused AUTH, 5 Exchange refused the message, 6 network or temporary.',
      samples: perTarget(({ report }, labels) => [{ labels, value: report.exitCode }]),
    },
    {
      name: 'smtp_oauth_check_diagnosis_info',
      help: 'The diagnosis of the check (code "none" when it passed), its setup step and whether waiting may help; always 1.',
      samples: perTarget(({ report }, labels) => {
        const d = report.diagnosis;
        return [
          {
            labels: {
              ...labels,
              code: d?.code ?? 'none',
              step: d?.step ? String(d.step) : '',
              transient: String(d?.transient ?? false),
              propagation: String(d?.propagation ?? false),
            },
            value: 1,
          },
        ];
      }),
    },
    {
      name: 'smtp_oauth_check_warnings',
      help: 'How many warnings the check of the target gave (an expiring secret or certificate, a claim to look at).',
      samples: perTarget(({ report }, labels) => [{ labels, value: report.warnings.length }]),
    },
    {
      name: 'smtp_oauth_check_duration_seconds',
      help: 'How long the whole check of the target took.',
      samples: perTarget(({ report }, labels) => (report.timings.totalMs === null ? [] : [{ labels, value: seconds(report.timings.totalMs) }])),
    },
    {
      name: 'smtp_oauth_check_leg_duration_seconds',
      help: 'How long each leg of the check took: token (absent when a fleet reused the app\'s token), smtp_connect (up to AUTH), smtp_auth, smtp_send.',
      samples: perTarget(({ report }, labels) =>
        LEGS.flatMap(([leg, key]) => {
          const ms = report.timings[key];
          return ms === null ? [] : [{ labels: { ...labels, leg }, value: seconds(ms) }];
        }),
      ),
    },
    {
      name: 'smtp_oauth_secret_expiry_timestamp_seconds',
      help: 'When the client secret stops working (from --secret-expires or the secretExpires column), in seconds since the epoch.',
      samples: perTarget(({ report }, labels) => (report.expiry.secret ? [{ labels, value: epochSeconds(report.expiry.secret.expiresAt) }] : [])),
    },
    {
      name: 'smtp_oauth_certificate_expiry_timestamp_seconds',
      help: 'When the certificate credential expires (its notAfter), in seconds since the epoch.',
      samples: perTarget(({ report }, labels) => (report.expiry.certificate ? [{ labels, value: epochSeconds(report.expiry.certificate.expiresAt) }] : [])),
    },
    {
      name: 'smtp_oauth_check_timestamp_seconds',
      help: 'When the check of the target started (its last attempt), in seconds since the epoch.',
      samples: perTarget(({ report }, labels) => {
        const at = report.attempts.at(-1)?.at;
        return at ? [{ labels, value: epochSeconds(at) }] : [];
      }),
    },
    {
      name: 'smtp_oauth_run_exit_code',
      help: 'The exit code of the whole run (a fleet\'s most serious failure; 2 when the input was invalid and nothing was checked).',
      samples: [{ labels: {}, value: run.exitCode }],
    },
    {
      name: 'smtp_oauth_run_targets',
      help: 'How many targets the run checked.',
      samples: [{ labels: {}, value: targets.length }],
    },
    {
      name: 'smtp_oauth_run_timestamp_seconds',
      help: 'When the run started, in seconds since the epoch.',
      samples: [{ labels: {}, value: run.startedAt.getTime() / 1000 }],
    },
  ];
  return families
    .filter((f) => f.samples.length > 0)
    .map((f) => [`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} gauge`, ...f.samples.map((s) => `${f.name}${labelText(s.labels)} ${s.value}`)].join('\n'))
    .join('\n')
    .concat('\n');
}

function seconds(ms: number): number {
  return ms / 1000;
}

function epochSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/** Label values: backslash, double quote and line feed are escaped (exposition format). */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP texts: backslash and line feed. */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}
