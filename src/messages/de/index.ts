import type { Translations } from '../define.js';
import type { EnglishMessages } from '../en/index.js';
import { cliDe } from './cli.js';
import { commonDe } from './common.js';
import { checkDe } from './check.js';
import { explainDe } from './explain.js';
import { fleetDe } from './fleet.js';
import { reportDe } from './report.js';
import { smtpDe } from './smtp.js';
import { tokenDe } from './token.js';

/** Every German text, by area (the same files as en/). The type makes a missing message a compile error. */
export const de: Translations<EnglishMessages> = {
  ...commonDe,
  ...cliDe,
  ...checkDe,
  ...explainDe,
  ...fleetDe,
  ...reportDe,
  ...smtpDe,
  ...tokenDe,
};
