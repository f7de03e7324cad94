import { getEventListeners } from 'node:events';
import { msg } from '../src/messages/index.js';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../src/errors.js';
import { platformFor } from '../src/platform.js';
import { listenForStop, type SignalSource, sleepUnlessStopped, stopSignalsFor, unlessStopped, untilStopped } from '../src/signals.js';

// The POSIX set, whatever system runs the suite (the Windows set is tested with a fake source below).
const POSIX = platformFor('linux');

const SIGNALS = [
  ['SIGINT', 130, 'Cancelled.'],
  ['SIGTERM', 143, 'Stopped by SIGTERM.'],
  ['SIGHUP', 129, 'Stopped by SIGHUP.'],
] as const;

describe('listenForStop: SIGINT, SIGTERM and SIGHUP alike', () => {
  it.each(SIGNALS)('%s aborts the signal with a CancelledError naming it (exit %i)', (name, exitCode, message) => {
    const before = process.listenerCount(name);
    const stop = listenForStop(POSIX);
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
    const stop = listenForStop(POSIX);
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
    controller.abort(new CancelledError(msg('cli.stopped-by', { signal: 'SIGTERM' }), 'SIGTERM'));
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
    controller.abort(new CancelledError(msg('cli.stopped-by', { signal: 'SIGHUP' }), 'SIGHUP'));
    expect((await waiting).signal).toBe('SIGHUP');
  });
});

describe('listenForStop on Windows (platform injected): Ctrl-C, Ctrl-Break and the console window closed', () => {
  function fakeSource() {
    const handlers = new Map<string, Array<() => void>>();
    const source: SignalSource = {
      on: (name, handler) => handlers.set(name, [...(handlers.get(name) ?? []), handler]),
      off: (name, handler) => handlers.set(name, (handlers.get(name) ?? []).filter((h) => h !== handler)),
    };
    const emit = (name: string) => (handlers.get(name) ?? []).forEach((h) => h());
    const listening = () => [...handlers].filter(([, list]) => list.length > 0).map(([name]) => name);
    return { source, emit, listening };
  }

  it('listens to SIGINT, SIGBREAK and SIGHUP there (SIGTERM is never delivered on Windows), and to SIGINT, SIGTERM, SIGHUP elsewhere', () => {
    expect(stopSignalsFor(platformFor('win32'))).toEqual(['SIGINT', 'SIGBREAK', 'SIGHUP']);
    expect(stopSignalsFor(platformFor('linux'))).toEqual(['SIGINT', 'SIGTERM', 'SIGHUP']);
    expect(stopSignalsFor(platformFor('darwin'))).toEqual(['SIGINT', 'SIGTERM', 'SIGHUP']);
    const { source, listening } = fakeSource();
    const stop = listenForStop(platformFor('win32'), source);
    expect(listening()).toEqual(['SIGINT', 'SIGBREAK', 'SIGHUP']);
    stop.dispose();
    expect(listening()).toEqual([]);
  });

  it.each([
    ['SIGBREAK', 149, 'Stopped by Ctrl-Break (SIGBREAK).'],
    ['SIGINT', 130, 'Cancelled.'],
    ['SIGHUP', 129, 'Stopped by SIGHUP.'],
  ] as const)('%s ends the command with exit %i (128 + its number)', (name, exitCode, message) => {
    const { source, emit } = fakeSource();
    const stop = listenForStop(platformFor('win32'), source);
    emit(name);
    expect(stop.signal.reason).toMatchObject({ signal: name, exitCode, message });
    stop.dispose();
  });
});
