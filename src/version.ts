import { readFileSync } from 'node:fs';
import { packageFile } from './package-root.js';

let cached: string | undefined;

/** The package version, read from the package's package.json (no JSON import: start-up stays cheap). */
export function toolVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
    cached = pkg.version;
  }
  return cached;
}
