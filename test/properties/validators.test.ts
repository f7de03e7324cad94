import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseText } from '../../src/diagnose/index.js';
import * as schemas from '../../src/inputs/schemas.js';

type Schema = { safeParse(value: unknown): { success: boolean; error?: { issues: Array<{ message: string }> } } };
const fieldSchemas: Record<string, Schema> = {
  tenantId: schemas.tenantIdSchema,
  clientId: schemas.clientIdSchema,
  clientSecret: schemas.clientSecretSchema,
  address: schemas.addressSchema,
  host: schemas.hostSchema,
  port: schemas.portSchema,
  timeout: schemas.timeoutSecondsSchema,
  authorityHost: schemas.authorityHostSchema,
  cloud: schemas.cloudSchema,
  proxy: schemas.proxyUrlSchema,
};

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom('a'.repeat(5000), '-'.repeat(3000) + '@', '1.'.repeat(2000), '\u0000\r\n\t', 'x@'.repeat(500)),
);

describe('validators with arbitrary input', () => {
  // How fast they answer is bench/diagnose.mjs's to measure (a wall-clock limit here fails under load).
  it.each(Object.entries(fieldSchemas))('%s never throws, and every rejection says what is expected', (_name, schema) => {
    fc.assert(
      fc.property(anyText, (value) => {
        const result = schema.safeParse(value);
        if (!result.success) {
          const message = result.error!.issues.map((i) => i.message).join('; ');
          expect(message).toMatch(/must|is empty|is not|contains|too long|client credentials/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('diagnosis matcher with arbitrary input', () => {
  it('never throws, and a diagnosis it gives is whole', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('', '535 5.7.3 ', 'AADSTS7000215 ', '5.7.139 '), (text, prefix) => {
        const result = diagnoseText(prefix + text);
        if (result) {
          expect(result.diagnosis.summary.length).toBeGreaterThan(0);
          expect([1, 2, 3, 4, 5, 6]).toContain(result.diagnosis.exitCode);
        }
      }),
      { numRuns: 500 },
    );
  });
});
