import { cliEn } from './cli.js';
import { commonEn } from './common.js';
import { certificateEn, filesEn, inputsEn } from './inputs.js';
import { cloudEn } from './cloud.js';
import { sandboxEn } from './sandbox.js';
import { scenariosEn } from './scenarios.js';

/**
 * Every English message, by area. An area is one file here and one of the same name in every other
 * language's folder; ids start with the area's prefix, so two areas never define the same id.
 */
export const en = {
  ...commonEn,
  ...cliEn,
  ...inputsEn,
  ...certificateEn,
  ...filesEn,
  ...cloudEn,
  ...sandboxEn,
  ...scenariosEn,
};

export type EnglishMessages = typeof en;
