import { type Message, msg, render } from '../messages/index.js';

/**
 * The client secret's expiry, judged from the date the user gave (`--secret-expires`, or the value the
 * wizard saved): Entra ID says nothing until the day it answers AADSTS7000222 (catalog A.2), and
 * portal secrets last at most 24 months, so the date is the only early warning there is. Pure.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type SecretExpiryState = 'valid' | 'expiring' | 'expired';

export interface SecretExpiry {
  state: SecretExpiryState;
  /** The date as given (`YYYY-MM-DD` or an ISO timestamp). */
  expiresOn: string;
  /** Whole days left, rounded up (0 when expired or expiring today). */
  daysLeft: number;
}

/**
 * The instant a secret stops working. A date alone counts from the start of that day (UTC): the
 * portal shows the date, not the time, so the secret may stop any time on that day.
 */
export function expiryInstant(expiresOn: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(expiresOn) ? Date.parse(`${expiresOn}T00:00:00Z`) : Date.parse(expiresOn);
}

/** `expired` from the expiry instant on; `expiring` within `warnDays` before it; `valid` otherwise. */
export function secretExpiryStatus(expiresOn: string, now: Date, warnDays: number): SecretExpiry {
  const left = expiryInstant(expiresOn) - now.getTime();
  if (!(left > 0)) return { state: 'expired', expiresOn, daysLeft: 0 };
  const daysLeft = Math.ceil(left / DAY_MS);
  return { state: left <= warnDays * DAY_MS ? 'expiring' : 'valid', expiresOn, daysLeft };
}

/** The warning for a secret that expires soon, in words (the wizard's step 1 says it as it is asked). */
export function secretExpiryWarning(expiry: SecretExpiry, clientId?: string): string | null {
  const warning = secretExpiryMessage(expiry, clientId);
  return warning && render(warning);
}

/** The warning for a secret that expires soon, naming the date and where to create the next one. */
export function secretExpiryMessage(expiry: SecretExpiry, clientId?: string): Message<'check.secret-expiring'> | null {
  if (expiry.state !== 'expiring') return null;
  return msg('check.secret-expiring', { expiresOn: new Date(expiryInstant(expiry.expiresOn)), daysLeft: expiry.daysLeft, ...(clientId && { clientId }) });
}

/**
 * A certificate credential carries its own expiry (notAfter): the same warning window as a secret's,
 * without a date to give. After it, Entra ID no longer accepts assertions signed with the key.
 */
export function certificateExpiryMessage(
  certificate: { notAfter: Date; thumbprintSha1: string },
  now: Date,
  warnDays: number,
  clientId?: string,
): Message<'check.certificate-expiring'> | null {
  const expiry = secretExpiryStatus(certificate.notAfter.toISOString(), now, warnDays);
  if (expiry.state !== 'expiring') return null;
  return msg('check.certificate-expiring', {
    thumbprint: certificate.thumbprintSha1,
    expiresOn: certificate.notAfter,
    daysLeft: expiry.daysLeft,
    ...(clientId && { clientId }),
  });
}
