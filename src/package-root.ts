import { existsSync } from 'node:fs';

let cached: URL | undefined;

/**
 * The package's own folder (package.json, schema/), found from wherever this code runs: compiled
 * one file per module (dist/<folder>/…), bundled into chunks (dist/program/…, scripts/bundle.mjs) or
 * run from src/ by the tests. The depth differs between them, so it is looked up, not assumed: the
 * nearest folder above that holds a package.json. Found once per process.
 */
export function packageRoot(): URL {
  if (cached) return cached;
  let folder = new URL('./', import.meta.url);
  for (;;) {
    if (existsSync(new URL('package.json', folder))) return (cached = folder);
    const parent = new URL('../', folder);
    if (parent.href === folder.href) throw new Error(`no package.json above ${import.meta.url}`);
    folder = parent;
  }
}

/** A file of the package, by its path from the package root (`schema/check.schema.json`). */
export function packageFile(path: string): URL {
  return new URL(path, packageRoot());
}
