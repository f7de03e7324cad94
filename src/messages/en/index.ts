import { cliEn } from './cli.js';
import { commonEn } from './common.js';
import { diagnosisEn } from './diagnosis.js';
import { diagnosisDocEn } from './diagnosis-doc.js';
import { diagnosisSmtpEn } from './diagnosis-smtp.js';
import { diagnosisTokenEn } from './diagnosis-token.js';
import { diagnosisAdminEn } from './diagnosis-admin.js';
import { adminEn } from './admin.js';
import { configEn } from './config.js';
import { demoEn } from './demo.js';
import { filesEn } from './files.js';
import { promptEn } from './prompt.js';
import { wizardEn } from './wizard.js';
import { checkEn } from './check.js';
import { explainEn } from './explain.js';
import { fleetEn } from './fleet.js';
import { reportEn } from './report.js';
import { smtpEn } from './smtp.js';
import { tokenEn } from './token.js';
import { certificateEn, fileAccessEn, inputsEn } from './inputs.js';
import { cloudEn } from './cloud.js';
import { automaticEn } from './automatic.js';
import { removeEn } from './remove.js';
import { automaticExchangeEn } from './automatic-exchange.js';
import { sandboxEn } from './sandbox.js';
import { scenariosEn } from './scenarios.js';
import { credentialsEn } from './credentials.js';

/**
 * Every English message, by area. An area is one file here and one of the same name in every other
 * language's folder; ids start with the area's prefix, so two areas never define the same id.
 */
export const en = {
  ...commonEn,
  ...automaticEn,
  ...removeEn,
  ...automaticExchangeEn,
  ...cliEn,
  ...diagnosisEn,
  ...diagnosisTokenEn,
  ...diagnosisSmtpEn,
  ...diagnosisAdminEn,
  ...adminEn,
  ...diagnosisDocEn,
  ...promptEn,
  ...wizardEn,
  ...filesEn,
  ...configEn,
  ...demoEn,
  ...checkEn,
  ...explainEn,
  ...fleetEn,
  ...reportEn,
  ...smtpEn,
  ...tokenEn,
  ...inputsEn,
  ...certificateEn,
  ...fileAccessEn,
  ...cloudEn,
  ...sandboxEn,
  ...scenariosEn,
  ...credentialsEn,
};

export type EnglishMessages = typeof en;
