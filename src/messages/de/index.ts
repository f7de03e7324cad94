import type { Translations } from '../define.js';
import type { EnglishMessages } from '../en/index.js';
import { cliDe } from './cli.js';
import { commonDe } from './common.js';
import { diagnosisDe } from './diagnosis.js';
import { diagnosisDocDe } from './diagnosis-doc.js';
import { diagnosisSmtpDe } from './diagnosis-smtp.js';
import { diagnosisTokenDe } from './diagnosis-token.js';
import { diagnosisAdminDe } from './diagnosis-admin.js';
import { adminDe } from './admin.js';
import { configDe } from './config.js';
import { demoDe } from './demo.js';
import { filesDe } from './files.js';
import { promptDe } from './prompt.js';
import { wizardDe } from './wizard.js';
import { checkDe } from './check.js';
import { explainDe } from './explain.js';
import { fleetDe } from './fleet.js';
import { reportDe } from './report.js';
import { smtpDe } from './smtp.js';
import { tokenDe } from './token.js';
import { certificateDe, fileAccessDe, inputsDe } from './inputs.js';
import { cloudDe } from './cloud.js';
import { automaticDe } from './automatic.js';
import { removeDe } from './remove.js';
import { automaticExchangeDe } from './automatic-exchange.js';
import { sandboxDe } from './sandbox.js';
import { scenariosDe } from './scenarios.js';
import { credentialsDe } from './credentials.js';

/** Every German text, by area (the same files as en/). The type makes a missing message a compile error. */
export const de: Translations<EnglishMessages> = {
  ...commonDe,
  ...automaticDe,
  ...removeDe,
  ...automaticExchangeDe,
  ...cliDe,
  ...diagnosisDe,
  ...diagnosisTokenDe,
  ...diagnosisSmtpDe,
  ...diagnosisAdminDe,
  ...adminDe,
  ...diagnosisDocDe,
  ...promptDe,
  ...wizardDe,
  ...filesDe,
  ...configDe,
  ...demoDe,
  ...checkDe,
  ...explainDe,
  ...fleetDe,
  ...reportDe,
  ...smtpDe,
  ...tokenDe,
  ...inputsDe,
  ...certificateDe,
  ...fileAccessDe,
  ...cloudDe,
  ...sandboxDe,
  ...scenariosDe,
  ...credentialsDe,
};
