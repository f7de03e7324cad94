import type { Translations } from '../define.js';
import type { EnglishMessages } from '../en/index.js';
import { cliDe } from './cli.js';
import { commonDe } from './common.js';
import { certificateDe, filesDe, inputsDe } from './inputs.js';
import { cloudDe } from './cloud.js';
import { sandboxDe } from './sandbox.js';
import { scenariosDe } from './scenarios.js';

/** Every German text, by area (the same files as en/). The type makes a missing message a compile error. */
export const de: Translations<EnglishMessages> = {
  ...commonDe,
  ...cliDe,
  ...inputsDe,
  ...certificateDe,
  ...filesDe,
  ...cloudDe,
  ...sandboxDe,
  ...scenariosDe,
};
