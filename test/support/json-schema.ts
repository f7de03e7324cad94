import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/**
 * The JSON Schemas the package ships (schema/), compiled once per test file. Every test that reads
 * `--json` output of check, explain, demo or a fleet passes it through `expectValid`: the contract
 * is the schema, not what a test happens to look at.
 */
export const SCHEMA_DIR = join(import.meta.dirname, '..', '..', 'schema');

export type SchemaKind = 'check' | 'explain' | 'fleet' | 'demo' | 'diagnosis';
export const SCHEMA_KINDS: readonly SchemaKind[] = ['diagnosis', 'check', 'explain', 'fleet', 'demo'];

export function loadSchema(kind: SchemaKind): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, `${kind}.schema.json`), 'utf8')) as Record<string, unknown>;
}

let validators: Map<SchemaKind, ValidateFunction> | undefined;

function validator(kind: SchemaKind): ValidateFunction {
  if (!validators) {
    // strict: an unknown keyword or a type the schema does not mean is an error of the schema itself.
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    for (const k of SCHEMA_KINDS) ajv.addSchema(loadSchema(k));
    validators = new Map(SCHEMA_KINDS.map((k) => [k, ajv.getSchema(loadSchema(k).$id as string) as ValidateFunction]));
  }
  return validators.get(kind) as ValidateFunction;
}

/** The schema's errors for `value`, one readable line each (empty when it is valid). */
export function schemaErrors(kind: SchemaKind, value: unknown): string[] {
  const validate = validator(kind);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties' ? ` (${JSON.stringify(e.params)})` : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}

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
