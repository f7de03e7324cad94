/**
 * A word for a POSIX shell: bare when it holds only characters no shell treats specially, else in
 * single quotes (a ' inside becomes '\''). dotenv reads the same form back unchanged, so the `.env`
 * the wizard writes uses it too.
 */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
