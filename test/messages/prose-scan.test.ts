import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * User-facing sentences live in src/messages/ only. This scan reads every string and template
 * literal in src/ (comments are not literals) and fails on one that reads like prose: four words in a
 * row, as a sentence has and a command, flag, path, id or format string does not.
 *
 * What may stay, and why:
 * - Microsoft's own words, which the sandbox answers with and the diagnosis catalog quotes as examples:
 *   they are English in every language (german-portal-terms.md), and recognition matches them.
 * - The words of a bug (`new Error(…)` for a state that cannot happen): shown only after the translated
 *   "internal error" line, for the maintainers who read the report.
 */
const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Files whose literals are not the tool's sentences, each with the reason. */
const NOT_PROSE = new Set([
  // Microsoft's words: what the sandbox answers with, as Entra ID, Graph and Exchange do, in English.
  'sandbox/entra-errors.ts',
  'sandbox/exchange-replies.ts',
  'sandbox/graph-errors.ts',
  'sandbox/exchange-admin-errors.ts',
  // Commands (`az ad sp create --id …`): the same in every language.
  'diagnose/commands.ts',
  // PowerShell's reserved words, which quoting must know.
  'powershell-quote.ts',
  // Metric names and HELP lines: a contract of dashboards and alert rules, English like JSON keys.
  'report/prometheus.ts',
]);

/** Microsoft's words inside files of the tool's own: SMTP replies a scenario plays, a phrase the recogniser lists. */
const MICROSOFT_PHRASES = new Set([
  'Client does not have permissions to send as this sender',
  'sender thread limit exceeded',
  '4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname={mailboxHost}]',
  'basic authentication is disabled',
]);

/** Property names whose string values are data, never shown as the tool's own sentence. */
const DATA_PROPERTIES = new Set(['example', 'source']);

// Four words in a row; a template's placeholder counts as the word `x`, but a run needs three real words.
const WORD_RUN = /(?<![\w$./-])[A-Za-z][a-z’']*(?:,? [a-z][a-z’']*){3,}/g;
const isProse = (text: string) =>
  [...text.matchAll(WORD_RUN)].some((m) => m[0].split(/,? /).filter((w) => w !== 'x' && w.length > 1).length >= 3);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.endsWith(join('src', 'messages')) ? [] : files(path);
    return /\.c?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function isBugError(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && /^(?:Type|Range)?Error$/.test(n.expression.text)) return true;
    if (ts.isStatement(n)) return false;
  }
  return false;
}

function isDataProperty(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && DATA_PROPERTIES.has(parent.name.text);
}

export function proseLiterals(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    let literal: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal = node.text;
    else if (ts.isTemplateExpression(node)) literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('x');
    if (literal !== undefined && isProse(literal) && !MICROSOFT_PHRASES.has(literal) && !isBugError(node) && !isDataProperty(node) && !ts.isImportDeclaration(node.parent)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      out.push(`${line + 1}: ${literal.slice(0, 100)}`);
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else node.templateSpans.forEach((s) => visit(s.expression));
  };
  visit(source);
  return out;
}

describe('user-facing text', () => {
  it('is written in src/messages/ only', () => {
    const found: string[] = [];
    for (const path of files(SRC)) {
      const name = relative(SRC, path).split('\\').join('/');
      if (NOT_PROSE.has(name)) continue;
      for (const hit of proseLiterals(path, readFileSync(path, 'utf8'))) found.push(`src/${name}:${hit}`);
    }
    expect(found).toEqual([]);
  });

  it('the scan finds a sentence and passes a command, a flag list and a bug', () => {
    const sample = [
      `const a = 'The client secret has expired';`,
      `const b = \`Set-CASMailbox -Identity \${m} -SmtpClientAuthenticationDisabled $false\`;`,
      `const c = '--tenant-id, --client-id';`,
      `throw new Error('unreachable: every phase has a text');`,
      `const d = { example: 'AADSTS7000215: Invalid client secret provided.' };`,
      `const e = \`Token received for \${x} in the tenant\`;`,
    ].join('\n');
    expect(proseLiterals('sample.ts', sample).map((hit) => hit.split(':')[0])).toEqual(['1', '6']);
  });
});
