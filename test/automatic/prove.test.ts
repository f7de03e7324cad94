import { describe, expect, it } from 'vitest';
import { proveSetup } from '../../src/automatic/prove.js';
import type { CheckReport } from '../../src/check/run.js';
import type { CheckInputs } from '../../src/inputs/check-inputs.js';
import type { Message } from '../../src/messages/index.js';

/** A report as runCheck gives it, reduced to what the retry policy reads. */
function report(diagnosis: { code: string; transient: boolean; propagation: boolean; source: string; exitCode: number } | null): CheckReport {
  return {
    ok: diagnosis === null,
    exitCode: diagnosis?.exitCode ?? 0,
    diagnosis: diagnosis && { ...diagnosis, step: 1, summary: 's', fix: 'f' },
  } as unknown as CheckReport;
}
const PASSED = report(null);
const NEW_SECRET_REFUSED = report({ code: 'client-secret-invalid', transient: false, propagation: false, source: 'AADSTS7000215', exitCode: 3 });
const PROPAGATING = report({ code: 'smtp-auth-service-principal', transient: false, propagation: true, source: '535 5.7.3', exitCode: 4 });
const WRONG_TENANT = report({ code: 'tenant-not-found', transient: false, propagation: false, source: 'AADSTS90002', exitCode: 3 });

const inputs = { mailbox: 'alerts@contoso.com' } as unknown as CheckInputs;

function scripted(reports: CheckReport[]) {
  let clock = 0;
  const calls: CheckInputs[] = [];
  const slept: number[] = [];
  const shown: Message[] = [];
  return {
    calls,
    slept,
    shown,
    deps: (waitSeconds: number) => ({
      waitSeconds,
      show: (m: Message) => shown.push(m),
      now: () => clock,
      sleep: async (ms: number) => {
        slept.push(ms);
        clock += ms;
      },
      runCheck: async (i: CheckInputs) => {
        calls.push(i);
        clock += 500;
        return reports[Math.min(calls.length - 1, reports.length - 1)]!;
      },
    }),
  };
}

describe('proveSetup', () => {
  it('a new secret refused for some seconds (AADSTS7000215), then propagation, then passes: the waits shown', async () => {
    const s = scripted([NEW_SECRET_REFUSED, NEW_SECRET_REFUSED, PROPAGATING, PASSED]);
    const outcome = await proveSetup(inputs, s.deps(600));
    expect(outcome.report.ok).toBe(true);
    expect(s.calls).toHaveLength(4);
    expect(s.calls.every((c) => c === inputs)).toBe(true);
    expect(s.slept).toEqual([2000, 4000, 8000]);
    expect(s.shown.map((m) => m.id)).toEqual(['check.wait.retry', 'check.wait.retry', 'check.wait.retry', 'check.wait.passed']);
    expect(s.shown[0]?.params).toMatchObject({ attempt: 1, failure: 'AADSTS7000215 (client-secret-invalid)', delayMs: 2000 });
    expect(outcome.wait?.attempts.map((a) => a.diagnosisCode)).toEqual(['client-secret-invalid', 'client-secret-invalid', 'smtp-auth-service-principal', null]);
  });

  it('a refusal waiting cannot cure ends at once', async () => {
    const s = scripted([WRONG_TENANT, PASSED]);
    const outcome = await proveSetup(inputs, s.deps(600));
    expect(outcome.report.exitCode).toBe(3);
    expect(s.calls).toHaveLength(1);
    expect(s.slept).toEqual([]);
  });

  it('bounded by waitSeconds: no attempt after the deadline, the time-out said', async () => {
    const s = scripted([PROPAGATING]);
    const outcome = await proveSetup(inputs, s.deps(10));
    expect(outcome.report.ok).toBe(false);
    expect(outcome.wait?.timedOut).toBe(true);
    expect(s.slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
    expect(s.shown.at(-1)?.id).toBe('check.wait.timed-out');
  });

  it('waitSeconds 0: one attempt', async () => {
    const s = scripted([PROPAGATING, PASSED]);
    const outcome = await proveSetup(inputs, s.deps(0));
    expect(outcome.wait).toBeNull();
    expect(s.calls).toHaveLength(1);
  });
});
