import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No two modules of src/ import each other, directly or around a circle: a circle means two modules
 * that are one, and the order they load in decides what each sees. Every import counts — static,
 * dynamic (`await import(…)`) and type-only ones (a type circle is the same coupling, and it turns
 * into a load-order circle with the first value import) — read with the TypeScript compiler, so an
 * import in a comment or a string does not count.
 */
const SRC = join(import.meta.dirname, '..', 'src');

/**
 * Circles known to exist outside the wizard's part when this test was written, each to be broken by
 * the part that owns it; the test fails as soon as one is gone, so the entry is removed with the fix.
 */
const KNOWN: readonly string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.c?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The relative modules a file imports (`./x.js` → the `.ts` beside it). */
export function importsOf(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specifiers.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(path), s).replace(/\.(c?)js$/, '.$1ts'));
}

/** Every circle of the graph, once each, as its modules from the alphabetically first one. */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components: a component of more than one module holds a circle.
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const connect = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) !== indexOf.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfImport = component.length === 1 && (graph.get(v) ?? []).includes(v);
    if (component.length > 1 || selfImport) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!indexOf.has(v)) connect(v);
  return found;
}

describe('the import graph of src/', () => {
  const graph = new Map(sourceFiles(SRC).map((path) => [path, importsOf(path, readFileSync(path, 'utf8'))] as const));
  const found = circles(graph).map((component) => component.map((path) => relative(SRC, path).split('\\').join('/')).join(' → '));

  it('has no import circle (other than the known ones)', () => {
    expect(found.filter((circle) => !KNOWN.includes(circle))).toEqual([]);
  });

  it('the known circles still exist (remove an entry once its circle is broken)', () => {
    for (const circle of KNOWN) expect(found).toContain(circle);
  });

  it('sees static, dynamic and type-only imports, and not imports in comments or strings', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "const d = await import('./d.js');",
      "type E = import('./e.js').E;",
      "// import { f } from './f.js';",
      "const g = \"import('./g.js')\";",
      "import { h } from 'node:path';",
    ].join('\n');
    expect(importsOf('/p/src/x/m.ts', text)).toEqual(['/p/src/x/a.ts', '/p/src/b.ts', '/p/src/x/c.ts', '/p/src/x/d.ts', '/p/src/x/e.ts']);
  });

  it('finds a circle through a dynamic import, and a longer one', () => {
    expect(circles(new Map([['a', ['b']], ['b', ['a']], ['c', []]]))).toEqual([['a', 'b']]);
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(circles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});
