import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../src/x509/self-signed.js';
import { privateKeysUnder } from './temp-leftovers.js';

const dir = mkdtempSync(join(tmpdir(), 'leftovers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the end-of-run check for private keys left in the temporary folder', () => {
  it('runs in the run\'s own temporary folder', () => {
    expect(tmpdir()).toMatch(/smtp-oauth-test-run-/);
  });

  it('finds a key at any depth, and only files that hold one', () => {
    const made = createSelfSignedCertificate({ commonName: 'leftover', validDays: 1 });
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'sender.pem'), made.privateKeyPem + made.certificatePem);
    writeFileSync(join(dir, 'a', 'upload.cer'), made.certificatePem);
    writeFileSync(join(dir, 'old.key'), '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----\n');
    expect(privateKeysUnder(dir)).toEqual([join('a', 'b', 'sender.pem'), 'old.key']);
    rmSync(join(dir, 'a'), { recursive: true });
    rmSync(join(dir, 'old.key'));
    expect(privateKeysUnder(dir)).toEqual([]);
  });
});
