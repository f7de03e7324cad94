import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv/dist/2020.js';
import { packageFile } from '../package-root.js';

/**
 * The JSON Schemas the package ships (schema/*.schema.json), applied at run time to JSON the tool reads
 * back (`report merge`): the schema is the one description of the output, so nothing checks a file
 * against a second, hand-written copy of it. Loaded only by the commands that read such files.
 */

export type SchemaName = 'diagnosis' | 'check' | 'explain' | 'fleet' | 'demo' | 'automatic-plan' | 'automatic-result';
/** Every schema the package ships; those that refer to others are loaded with them. */
export const SCHEMA_NAMES: readonly SchemaName[] = ['diagnosis', 'check', 'explain', 'fleet', 'demo', 'automatic-plan', 'automatic-result'];

// ajv is CommonJS: `require` loads it without the ES wrapper's export analysis.
const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof AjvModule;

let ajv: InstanceType<typeof Ajv2020> | undefined;

export function loadSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(packageFile(`schema/${name}.schema.json`), 'utf8')) as Record<string, unknown>;
}

/** Why `value` does not follow schema/<name>.schema.json, one short line per violation (empty when it does). */
export function schemaViolations(name: SchemaName, value: unknown): string[] {
  if (!ajv) {
    // strict: an unknown keyword or a type the schema does not mean is an error of the schema itself.
    ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    // Schemas refer to each other (fleet → check → diagnosis): all of them, once.
    for (const schema of SCHEMA_NAMES.map(loadSchema)) ajv.addSchema(schema);
  }
  const validate = ajv.getSchema(`https://smtp-oauth-setup.invalid/schema/${name}.schema.json`);
  if (!validate) throw new Error(`schema/${name}.schema.json is not loaded`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties' ? ` (${JSON.stringify(e.params)})` : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}
