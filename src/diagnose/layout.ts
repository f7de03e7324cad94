/**
 * The layout of a diagnosis' fix, shared by every language: numbered steps, a command on its own
 * indented line under its step, a bulleted list. Layout only: no words here.
 */

/** Numbered steps (`1. …`); absent steps (`false`, `undefined`, '') are skipped and not counted. */
export function numbered(...lines: (string | false | undefined)[]): string {
  return lines
    .filter((l): l is string => typeof l === 'string' && l !== '')
    .map((l, i) => `${i + 1}. ${l}`)
    .join('\n');
}

/** A command on its own line under its numbered item, ready to copy. */
export function commandLine(command: string): string {
  return `\n     ${command}`;
}

/** A continuation line of a numbered item (`   or …`), indented under the item's text. */
export function continuation(text: string): string {
  return `\n   ${text}`;
}

/** A bulleted list, one item a line. */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** Blocks separated by line breaks (a heading, then its numbered steps, …). */
export function lines(...blocks: string[]): string {
  return blocks.join('\n');
}
