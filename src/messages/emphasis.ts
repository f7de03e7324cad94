/**
 * Emphasis inside a message: which words of a sentence stand out (a portal label to click, the value
 * the sentence is about) is decided by the sentence, so by each language's text; how they stand out
 * (bold, underlined, nothing without colour) is decided by the screen that prints it. The marks are
 * control characters no answer or portal label contains; `plain` removes them for places without
 * styles.
 */
const STRONG = ['\u0002', '\u0003'] as const;
const LINK = ['\u000e', '\u000f'] as const;

/** Words to stand out (bold on a terminal). */
export function strong(text: string): string {
  return `${STRONG[0]}${text}${STRONG[1]}`;
}

/** An address to open (underlined on a terminal). */
export function link(text: string): string {
  return `${LINK[0]}${text}${LINK[1]}`;
}

export interface EmphasisStyles {
  strong(text: string): string;
  link(text: string): string;
}

const MARKED = /\u0002([^\u0003]*)\u0003|\u000e([^\u000f]*)\u000f/g;

/** The text with its marks turned into the given styles. */
export function styled(text: string, styles: EmphasisStyles): string {
  return text.replace(MARKED, (_all, strongText: string | undefined, linkText: string | undefined) =>
    strongText !== undefined ? styles.strong(strongText) : styles.link(linkText ?? ''),
  );
}

/** The text without marks. */
export function plain(text: string): string {
  return styled(text, { strong: (t) => t, link: (t) => t });
}
