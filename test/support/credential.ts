import type { Credential } from '../../src/inputs/credential.js';
import type { Secret } from '../../src/inputs/secret.js';

/** The client secret of a secret credential (tests that expect one fail clearly otherwise). */
export function secretOf(input: { credential: Credential }): Secret {
  if (input.credential.kind !== 'secret') throw new Error(`expected a client secret, got a ${input.credential.kind}`);
  return input.credential.secret;
}
