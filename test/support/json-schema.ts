import { loadSchema, SCHEMA_NAMES, type SchemaName, schemaViolations } from '../../src/report/schema-check.js';

/**
 * The JSON Schemas the package ships (schema/), through the validator the package itself uses
 * (src/report/schema-check.ts). Every test that reads `--json` output of check, explain, demo or a
 * fleet passes it through `expectValid`: the contract is the schema, not what a test happens to look at.
 */
export type SchemaKind = SchemaName;
export const SCHEMA_KINDS = SCHEMA_NAMES;
export { loadSchema };

/** The schema's errors for `value`, one readable line each (empty when it is valid). */
export const schemaErrors = (kind: SchemaKind, value: unknown): string[] => schemaViolations(kind, value);

/** Throws, naming every violation and the object, when `value` does not follow the `kind` schema. */
export function expectValid<T = unknown>(kind: SchemaKind, value: T): T {
  const errors = schemaErrors(kind, value);
  if (errors.length > 0) {
    throw new Error(`not valid against schema/${kind}.schema.json:\n  ${errors.join('\n  ')}\n${JSON.stringify(value, null, 2).slice(0, 4000)}`);
  }
  return value;
}

/** Parses CLI stdout as one JSON object and validates it: what every e2e test of `--json` does first. */
export function parseValid<T = any>(kind: SchemaKind, stdout: string): T {
  return expectValid(kind, JSON.parse(stdout) as T);
}
