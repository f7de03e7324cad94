import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../src/errors.js';
import { listenForStop, sleepUnlessStopped, unlessStopped, untilStopped } from '../src/signals.js';

const SIGNALS = [
  ['SIGINT', 130, 'Cancelled.'],
  ['SIGTERM', 143, 'Stopped by SIGTERM.'],
  ['SIGHUP', 129, 'Stopped by SIGHUP.'],
] as const;

describe('listenForStop: SIGINT, SIGTERM and SIGHUP alike', () => {
  it.each(SIGNALS)('%s aborts the signal with a CancelledError naming it (exit %i)', (name, exitCode, message) => {
    const before = process.listenerCount(name);
    const stop = listenForStop();
    expect(process.listenerCount(name)).toBe(before + 1);
    process.emit(name);
    expect(stop.signal.aborted).toBe(true);
    expect(stop.signal.reason).toBeInstanceOf(CancelledError);
    expect(stop.signal.reason).toMatchObject({ signal: name, exitCode, message });
    stop.dispose();
    expect(process.listenerCount(name)).toBe(before);
  });

  it('the first signal decides; after dispose no listener is left for any of them', () => {
    const counts = SIGNALS.map(([name]) => process.listenerCount(name));
    const stop = listenForStop();
    process.emit('SIGHUP');
    process.emit('SIGINT');
    expect((stop.signal.reason as CancelledError).exitCode).toBe(129);
    stop.dispose();
    expect(SIGNALS.map(([name]) => process.listenerCount(name))).toEqual(counts);
  });
});

describe('work and sleeps end at once with the signal\'s CancelledError', () => {
  it('network work is abandoned: the command does not wait for a timeout', async () => {
    const controller = new AbortController();
    expect(await unlessStopped(Promise.resolve(7), controller.signal)).toBe(7);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const pending = unlessStopped(new Promise<never>(() => undefined), controller.signal);
    controller.abort(new CancelledError('Stopped by SIGTERM.', 'SIGTERM'));
    await expect(pending).rejects.toMatchObject({ exitCode: 143 });
    await expect(unlessStopped(Promise.resolve(1), controller.signal)).rejects.toMatchObject({ exitCode: 143 });
  });

  it('a sleep ends at once; sleeps leave no listeners behind; an abort without a CancelledError reads as Ctrl-C', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 5; i++) await sleepUnlessStopped(1, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const started = Date.now();
    const sleeping = sleepUnlessStopped(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ exitCode: 130 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('untilStopped resolves with the CancelledError', async () => {
    const controller = new AbortController();
    const waiting = untilStopped(controller.signal);
    controller.abort(new CancelledError('Stopped by SIGHUP.', 'SIGHUP'));
    expect((await waiting).signal).toBe('SIGHUP');
  });
});
