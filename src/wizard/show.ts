import type { ChalkInstance } from 'chalk';
import type { CheckReport } from '../check/run.js';

/** How the wizard lays out what it shows: one heading per step, indented blocks, nothing shouted. */

export const STEP_TITLES = {
  1: 'Entra ID app',
  2: 'Exchange service principal',
  3: 'SMTP AUTH on the mailbox',
  4: 'Test message',
} as const;

export function heading(c: ChalkInstance, step: keyof typeof STEP_TITLES): string {
  const title = `Step ${step} of 4 · ${STEP_TITLES[step]}`;
  return `\n${c.bold(title)}\n${c.dim('─'.repeat(title.length))}`;
}

export function indent(lines: readonly string[], by = 2): string {
  const pad = ' '.repeat(by);
  return lines.map((line) => (line === '' ? '' : pad + line)).join('\n');
}

const ANSI = /\x1b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}

/** Word-wraps one paragraph to `width` visible columns (colour codes do not count); `hang` starts each continuation line. */
export function wrap(text: string, width: number, hang = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && visibleLength(`${line} ${word}`) > width) {
      lines.push(line);
      line = hang + word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

/** A numbered list, each item wrapped under its own text. */
export function numbered(items: readonly string[], width = 96): string[] {
  const digits = String(items.length).length;
  return items.flatMap((item, i) => wrap(`${String(i + 1).padStart(digits)}. ${item}`, width, ' '.repeat(digits + 2)));
}

/** PowerShell (or a shell line) set apart from the prose around it. */
export function codeBlock(c: ChalkInstance, lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '' : `    ${line.startsWith('#') ? c.dim(line) : c.cyan(line)}`)).join('\n');
}

type Claims = NonNullable<CheckReport['token']['claims']>;

/** The claims that decide whether SMTP can work, each with what it means here. */
export function claimLines(c: ChalkInstance, claims: Claims, requiredRole: string): string[] {
  const hasRole = claims.roles.includes(requiredRole);
  return [
    `roles   ${claims.roles.length ? claims.roles.join(', ') : '(none)'}  ${hasRole ? c.green('✔') : c.yellow(`✖ no ${requiredRole}`)}`,
    `aud     ${claims.aud ?? '(none)'}`,
    `tid     ${claims.tid ?? '(none)'}`,
    `appid   ${claims.appid ?? '(none)'}${claims.appDisplayName ? c.dim(`  (${claims.appDisplayName})`) : ''}`,
    `oid     ${claims.oid ?? '(none)'}  ${c.dim('← the Enterprise application\'s object id, used in step 2')}`,
    ...(claims.exp ? [`expires ${new Date(claims.exp * 1000).toISOString().replace('.000Z', 'Z')}`] : []),
  ];
}
