import { X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, errors as joseErrors, importX509, jwtVerify } from 'jose';
import { type EntraError, EntraErrors } from './entra-errors.js';
import type { AppRegistration } from './tenant.js';

/**
 * Verifies a certificate credential's client assertion the way Entra ID does (Microsoft identity
 * platform "certificate credentials"): the header's `x5t#S256` names a certificate uploaded to the
 * app, the signature verifies with it (PS256 or RS256), `aud` is the token endpoint, `iss` and `sub`
 * are the client id, and `nbf`/`exp` hold now. Answers AADSTS700027 (key or signature) or
 * AADSTS700024 (time range), catalog A.15; null when the assertion is good.
 */
export async function verifyClientAssertion(
  assertion: string,
  app: AppRegistration,
  tokenEndpoints: readonly string[],
  now: Date = new Date(),
): Promise<EntraError | null> {
  let thumbprint = '';
  try {
    const header = decodeProtectedHeader(assertion);
    const x5t = header['x5t#S256'] ?? header.x5t;
    thumbprint = typeof x5t === 'string' ? Buffer.from(x5t, 'base64url').toString('hex').toUpperCase() : '';
  } catch {
    return EntraErrors.assertionKeyNotFound('');
  }
  const uploaded = app.certificates.find((c) => c.thumbprintSha256.toUpperCase() === thumbprint);
  if (!uploaded) return EntraErrors.assertionKeyNotFound(thumbprint);
  // An expired certificate is no longer a credential of the app.
  if (Date.parse(new X509Certificate(uploaded.certificatePem).validTo) <= now.getTime()) return EntraErrors.assertionKeyNotFound(thumbprint);

  try {
    const key = await importX509(uploaded.certificatePem, 'PS256');
    const rsKey = await importX509(uploaded.certificatePem, 'RS256');
    const header = decodeProtectedHeader(assertion);
    await jwtVerify(assertion, header.alg === 'RS256' ? rsKey : key, {
      algorithms: ['PS256', 'RS256'],
      audience: [...tokenEndpoints],
      issuer: app.clientId,
      subject: app.clientId,
      currentDate: now,
      // Entra allows a few minutes of clock difference.
      clockTolerance: 300,
      requiredClaims: ['exp', 'nbf'],
    });
    return null;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired || (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf')) {
      return EntraErrors.assertionNotYetValidOrExpired(now.toISOString());
    }
    return EntraErrors.assertionKeyNotFound(thumbprint);
  }
}
