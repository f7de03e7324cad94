import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/run.js';
import {
  backoffDelayMs,
  checkUntilSettled,
  isRetryable,
  retryLine,
  settledLine,
  type RetryNotice,
} from '../../src/check/wait.js';
import { loadLanguage } from '../../src/messages/index.js';

/** A report with just what the wait loop reads. */
function report(diagnosis: { code: string; transient: boolean; propagation: boolean; source?: string; exitCode: number } | null): CheckReport {
  return {
    ok: diagnosis === null,
    exitCode: diagnosis?.exitCode ?? 0,
    diagnosis: diagnosis && {
      code: diagnosis.code,
      step: 2,
      transient: diagnosis.transient,
      propagation: diagnosis.propagation,
      summary: 's',
      fix: 'f',
      source: diagnosis.source ?? null,
    },
  } as unknown as CheckReport;
}

const PROPAGATION = report({ code: 'smtp-auth-service-principal', transient: false, propagation: true, source: '535 5.7.3', exitCode: 4 });
const WRONG_SECRET = report({ code: 'client-secret-invalid', transient: false, propagation: false, source: 'AADSTS7000215', exitCode: 3 });
const PASSED = report(null);

/** A fake clock: sleeping advances it; each attempt costs `attemptMs`. */
function fakeTime(attemptMs = 500) {
  let now = Date.parse('2026-03-01T10:00:00Z');
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    spend: () => {
      now += attemptMs;
    },
    sleeps,
  };
}

function scripted(reports: CheckReport[], time: ReturnType<typeof fakeTime>) {
  let i = 0;
  return async () => {
    time.spend();
    const r = reports[Math.min(i, reports.length - 1)] as CheckReport;
    i++;
    return r;
  };
}

describe('isRetryable: the diagnosis decides', () => {
  it('retries propagation and transient failures, never configuration errors or success', () => {
    expect(isRetryable(PROPAGATION)).toBe(true);
    expect(isRetryable(report({ code: 'smtp-temporary-server-error', transient: true, propagation: false, exitCode: 6 }))).toBe(true);
    expect(isRetryable(WRONG_SECRET)).toBe(false);
    expect(isRetryable(report({ code: 'tenant-not-found', transient: false, propagation: false, exitCode: 3 }))).toBe(false);
    expect(isRetryable(PASSED)).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  it('starts small, doubles, and is capped', () => {
    const backoff = { initialMs: 2000, maxMs: 120_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffDelayMs(n, backoff))).toEqual([
      2000, 4000, 8000, 16_000, 32_000, 64_000, 120_000, 120_000, 120_000,
    ]);
  });
});

describe('checkUntilSettled', () => {
  it('one attempt when the first passes: nothing is waited for', async () => {
    const time = fakeTime();
    const result = await checkUntilSettled(scripted([PASSED], time), { durationSeconds: 1800, now: time.now, sleep: time.sleep });
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]).toMatchObject({ exitCode: 0, diagnosisCode: null, at: '2026-03-01T10:00:00.000Z' });
    expect(time.sleeps).toEqual([]);
    expect(settledLine(result)).toBeNull();
  });

  it('a configuration error ends at once, however long the wait', async () => {
    const time = fakeTime();
    const result = await checkUntilSettled(scripted([WRONG_SECRET, PASSED], time), { durationSeconds: 1800, now: time.now, sleep: time.sleep });
    expect(result.attempts.map((a) => a.diagnosisCode)).toEqual(['client-secret-invalid']);
    expect(result.report.exitCode).toBe(3);
    expect(result.timedOut).toBe(false);
    expect(time.sleeps).toEqual([]);
  });

  it('retries a propagation failure with growing pauses until it passes', async () => {
    const time = fakeTime();
    const notices: RetryNotice[] = [];
    const result = await checkUntilSettled(scripted([PROPAGATION, PROPAGATION, PROPAGATION, PASSED], time), {
      durationSeconds: 1800,
      now: time.now,
      sleep: time.sleep,
      onRetry: (n) => notices.push(n),
    });
    expect(result.report.ok).toBe(true);
    expect(result.attempts.map((a) => a.diagnosisCode)).toEqual([
      'smtp-auth-service-principal',
      'smtp-auth-service-principal',
      'smtp-auth-service-principal',
      null,
    ]);
    expect(time.sleeps).toEqual([2000, 4000, 8000]);
    expect(notices.map((n) => n.attempt)).toEqual([1, 2, 3]);
    expect(notices[0]?.remainingMs).toBe(1800_000 - 500);
    expect(settledLine(result)).toEqual({ id: 'check.wait.passed', params: { attempts: 4, spanMs: 15_500 } });
  });

  it('stops when a retried failure turns into one waiting cannot fix', async () => {
    const time = fakeTime();
    const result = await checkUntilSettled(scripted([PROPAGATION, WRONG_SECRET], time), { durationSeconds: 600, now: time.now, sleep: time.sleep });
    expect(result.attempts).toHaveLength(2);
    expect(settledLine(result)?.id).toBe('check.wait.not-retryable');
  });

  it('never starts an attempt after the deadline, and the last pause ends at it', async () => {
    const time = fakeTime(3000);
    const start = time.now();
    const result = await checkUntilSettled(scripted([PROPAGATION], time), { durationSeconds: 30 * 60, now: time.now, sleep: time.sleep });
    const deadline = start + 30 * 60 * 1000;
    expect(result.timedOut).toBe(true);
    for (const a of result.attempts) expect(Date.parse(a.at)).toBeLessThanOrEqual(deadline);
    expect(Date.parse(result.attempts.at(-1)?.at ?? '')).toBe(deadline);
    expect(Math.max(...time.sleeps)).toBe(120_000);
    // 0, 2, 4, 8, 16, 32, 64 s then every 2 min (plus 3 s per attempt) within 30 min, and one at the deadline.
    expect(result.attempts.length).toBeGreaterThanOrEqual(18);
    expect(result.attempts.length).toBeLessThanOrEqual(22);
    const closing = settledLine(result);
    expect(closing?.id).toBe('check.wait.timed-out');
    expect(closing?.params).toMatchObject({ attempts: result.attempts.length, spanMs: 30 * 60 * 1000 });
  });
});

describe('progress lines', () => {
  it('name the failure, the pause and the time left', () => {
    expect(retryLine({ attempt: 3, report: PROPAGATION, delayMs: 60_000, remainingMs: 24 * 60_000 })).toEqual({
      id: 'check.wait.retry',
      params: { attempt: 3, failure: '535 5.7.3 (smtp-auth-service-principal)', delayMs: 60_000, remainingMs: 24 * 60_000 },
    });
  });

  it('read in English and German, durations through the one formatter', async () => {
    const line = retryLine({ attempt: 3, report: PROPAGATION, delayMs: 8_000, remainingMs: 24 * 60_000 });
    expect((await loadLanguage('en')).render(line)).toBe('attempt 3 failed: 535 5.7.3 (smtp-auth-service-principal); next try in 8 sec, 24 min left');
    expect((await loadLanguage('de')).render(line)).toBe(
      'Versuch 3 fehlgeschlagen: 535 5.7.3 (smtp-auth-service-principal); nächster Versuch in 8\u00a0Sek., noch 24\u00a0Min.',
    );
  });
});
