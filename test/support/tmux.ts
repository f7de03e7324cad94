import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The built CLI in a real pseudo-terminal: tmux runs it in a detached session on a private server
 * socket, the test types keys and reads the screen (capture-pane) as a person would. Every wait
 * polls the screen with a timeout; sessions and the server are killed by the test's cleanup.
 */

function tmuxWorks(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

/**
 * Null when tmux can be used; otherwise why not. When it is missing, one attempt is made to install
 * it with apt-get (as root, or through passwordless sudo, as on CI runners).
 */
export function ensureTmux(platform: NodeJS.Platform = process.platform): string | null {
  if (tmuxWorks()) return null;
  // Windows has no tmux (its consoles are no POSIX pseudo-terminals); macOS runners do not ship it.
  // Only a Debian-like Linux gets the one install attempt.
  if (platform === 'win32') return 'tmux does not exist on Windows (the wizard\'s terminal tests need a POSIX pseudo-terminal)';
  if (platform !== 'linux') return `tmux is not installed on this ${platform} machine (the wizard's terminal tests need it)`;
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? [] : ['sudo', '-n'];
  const apt = (...args: string[]) =>
    spawnSync(prefix[0] ?? 'apt-get', [...prefix.slice(1), ...(prefix.length ? ['apt-get'] : []), ...args], {
      stdio: 'ignore',
      timeout: 180_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  if (!apt('install', '-y', '-q', 'tmux')) apt('update', '-q');
  if (!tmuxWorks()) apt('install', '-y', '-q', 'tmux');
  return tmuxWorks() ? null : 'tmux is not installed and could not be installed (apt-get install -y tmux)';
}

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** This test file's private tmux server: its socket lives in a folder removed with the server. */
let socketDir: string | null = null;
function socketPath(): string {
  socketDir ??= mkdtempSync(join(tmpdir(), 'smtp-oauth-tmux-'));
  return join(socketDir, 'tmux.sock');
}

export class TerminalSession {
  readonly socket = socketPath();
  readonly name = `s${randomBytes(4).toString('hex')}`;
  #started = false;

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /**
   * Runs `argv` with exactly `env` (plus TERM), in `cwd`. When it ends the pane prints
   * `__EXIT__=<code>` and stays open, so the final screen and the exit code can be read.
   */
  start(argv: string[], options: { env: Record<string, string>; cwd: string; width?: number; height?: number; stderrTo?: string }): void {
    const env = Object.entries({ TERM: 'xterm-256color', ...(process.env.TMPDIR && { TMPDIR: process.env.TMPDIR }), ...options.env }).map(([k, v]) => `${k}=${quote(v)}`);
    const redirect = options.stderrTo ? ` 2>${quote(options.stderrTo)}` : '';
    // After the exit code, the terminal's echo and line mode as the shell finds them (`stty -a`):
    // a program that ends while a prompt has the terminal in raw mode leaves `-echo -icanon` behind.
    const tty = `s=" $(stty -a | tr '\\n;' '  ') "; case "$s" in *" -echo "*) e=off;; *) e=on;; esac; case "$s" in *" -icanon "*) c=off;; *) c=on;; esac; echo "__TTY__=echo-$e icanon-$c"`;
    const command = `cd ${quote(options.cwd)} && env -i ${env.join(' ')} ${argv.map(quote).join(' ')}${redirect}; echo "__EXIT__=$?"; ${tty}; sleep 600`;
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(options.width ?? 220), '-y', String(options.height ?? 50), command);
    // Keep everything the CLI printed, not only the visible screen.
    this.tmux('set-option', '-t', this.name, 'history-limit', '20000');
    this.#started = true;
  }

  /** Everything on the screen and in its scrollback, wrapped lines joined, without colours. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', this.name, '-S', '-');
  }

  /** Types text as is (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** Presses keys by tmux name: Enter, Down, C-c, … */
  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Waits until `pattern` is on the screen `count` times; returns the screen. */
  /**
   * Takes the wizard's first question's default (the guided walk) if it comes: the walks below it
   * are today's. In the background, so that a walk which resumes instead (no such question) goes on.
   */
  chooseGuidedWhenAsked(question: readonly string[]): void {
    const pattern = new RegExp(question.map((q) => `\\? ${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('|'));
    this.waitFor(pattern, { timeoutMs: 15_000 }).then(
      () => this.press('Enter'),
      () => undefined,
    );
  }

  async waitFor(pattern: string | RegExp, options: { count?: number; timeoutMs?: number } = {}): Promise<string> {
    const count = options.count ?? 1;
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    const regex = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      if ((screen.match(regex) ?? []).length >= count) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${String(pattern)} (×${count}) on the terminal:\n${screen}`);
  }

  /** Waits for the CLI to end; returns its exit code. */
  async exitCode(timeoutMs = 30_000): Promise<number> {
    const screen = await this.waitFor(/__EXIT__=\d+/, { timeoutMs });
    return Number(/__EXIT__=(\d+)/.exec(screen)?.[1]);
  }

  /** The terminal's echo and line mode once the CLI has ended: `echo-on icanon-on` when it was restored. */
  async terminalModes(): Promise<string> {
    const screen = await this.waitFor(/__TTY__=\S+ \S+/);
    return /__TTY__=(\S+ \S+)/.exec(screen)?.[1] ?? '';
  }

  /** The CLI's process id: the pane's shell's child. */
  cliPid(): number {
    const shell = this.tmux('list-panes', '-t', this.name, '-F', '#{pane_pid}').trim();
    const child = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0];
    if (!child) throw new Error('the CLI is not running in the terminal');
    return Number(child);
  }

  /** Sends `signal` to the CLI itself (the pane's shell's child), as `kill` or a closing terminal would. */
  signal(signal: NodeJS.Signals): void {
    process.kill(this.cliPid(), signal);
  }

  kill(): void {
    if (!this.#started) return;
    try {
      this.tmux('kill-session', '-t', this.name);
    } catch {
      // Already gone.
    }
    this.#started = false;
  }

  /**
   * Starts this test file's tmux server with an idle session that keeps it alive: tmux exits with its
   * last session, and a session started while it shuts down fails ("server exited unexpectedly").
   */
  static startServer(): void {
    execFileSync('tmux', ['-S', socketPath(), 'new-session', '-d', '-s', 'keep-alive', 'sleep 86400'], { stdio: 'ignore' });
  }

  /** Stops this test file's tmux server (all its sessions) and removes its socket. */
  static killServer(): void {
    if (!socketDir) return;
    spawnSync('tmux', ['-S', socketPath(), 'kill-server'], { stdio: 'ignore' });
    rmSync(socketDir, { recursive: true, force: true });
    socketDir = null;
  }
}
