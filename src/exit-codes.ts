/**
 * The exit codes are a contract: scripts and CI jobs branch on them. Never renumber.
 */
export const ExitCode = {
  ok: 0,
  internal: 1,
  input: 2,
  /** Entra ID refused the token, or the token cannot work for SMTP (no SMTP.SendAsApp role). */
  token: 3,
  /** Exchange Online refused authentication (AUTH XOAUTH2). */
  smtpAuth: 4,
  /** Exchange Online refused the message after authentication (MAIL FROM, RCPT TO, end of DATA). */
  smtpMessage: 5,
  /** Network, TLS, timeout, or a temporary service failure. */
  network: 6,
  /** Stopped by a signal: 128 + its number, as a shell reports a process the signal ended. SIGHUP (terminal closed). */
  hangup: 129,
  /** SIGINT (Ctrl-C), or a prompt closed. */
  cancelled: 130,
  /** SIGTERM (`kill`, a service manager, a CI job's timeout). */
  terminated: 143,
  /**
   * SIGBREAK (Ctrl-Break in a Windows console, the stop Windows has instead of SIGTERM): 128 + 21, its
   * number in Node on Windows (os.constants.signals.SIGBREAK), so that one rule (128 + n) reads every
   * stop on every system.
   */
  ctrlBreak: 149,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
