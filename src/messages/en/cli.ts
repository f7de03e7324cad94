import { defineMessages, message } from '../define.js';
import { LANGUAGES } from '../language.js';

/** The command line: its errors before and around parsing, and (TODO #11) its help. */
export const cliEn = defineMessages({
  'cli.lang-unknown': message(
    { from: ['--lang', 'SMTP_OAUTH_LANG'], value: 'string' },
    (p) => `${p.from} '${p.value}': not a language this tool speaks (${LANGUAGES.join(', ')})`,
  ),
});
