import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageFile, packageRoot } from '../src/package-root.js';

describe('packageRoot', () => {
  it('is the folder of this package, found from src/ (two levels of dist/ and the bundle are covered by the end-to-end tests)', () => {
    expect(packageRoot().href).toBe(pathToFileURL(join(import.meta.dirname, '..')).href + '/');
    const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('smtp-oauth-setup');
  });

  it('resolves the files the package ships, by their path from the root', () => {
    expect(existsSync(fileURLToPath(packageFile('schema/check.schema.json')))).toBe(true);
    expect(packageFile('schema/check.schema.json').href.endsWith('/schema/check.schema.json')).toBe(true);
  });
});
