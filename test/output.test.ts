import { describe, expect, it } from 'vitest';
import { colorLevel, Output } from '../src/output.js';

const windows = (windowsBuild: number | null) => ({ os: 'win32' as const, windowsBuild });
const linux = { os: 'linux' as const, windowsBuild: null };

describe('colour levels, Windows consoles included (platform injected)', () => {
  it('Windows Terminal (WT_SESSION) has 24-bit colour whatever the build', () => {
    expect(colorLevel({ WT_SESSION: '0f4c6b4e-1f64-4b7c-9a2d-7a9a6f1c2b3d' }, true, windows(17763))).toBe(3);
  });

  it('the Windows 10 console by build: 24-bit from 14931, 256 colours from 10586 (1511)', () => {
    expect(colorLevel({}, true, windows(19045))).toBe(3);
    expect(colorLevel({}, true, windows(14393))).toBe(2);
    expect(colorLevel({}, true, windows(10586))).toBe(2);
  });

  it('the old console (Windows Server 2012 R2, 8.1: no escape sequences) gets the 16 colours Node\'s console layer translates', () => {
    expect(colorLevel({}, true, windows(9600))).toBe(1);
    expect(colorLevel({}, true, windows(null))).toBe(1);
  });

  it('not a terminal, NO_COLOR and FORCE_COLOR decide on Windows as elsewhere', () => {
    expect(colorLevel({ WT_SESSION: 'x' }, false, windows(19045))).toBe(0);
    expect(colorLevel({ NO_COLOR: '1', WT_SESSION: 'x' }, true, windows(19045))).toBe(0);
    expect(colorLevel({ FORCE_COLOR: '1' }, false, windows(9600))).toBe(1);
    expect(colorLevel({}, true, linux)).toBe(1);
    expect(colorLevel({ TERM: 'dumb' }, true, linux)).toBe(0);
  });

  it('the level reaches the output\'s colours', () => {
    const stream = { write: () => true, isTTY: true };
    expect(new Output({ stdout: stream, stderr: stream, env: {}, platform: windows(9600) }).color.level).toBe(1);
    expect(new Output({ stdout: stream, stderr: stream, env: { WT_SESSION: 'x' }, platform: windows(9600) }).color.level).toBe(3);
  });
});
