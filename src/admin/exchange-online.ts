/**
 * Exchange Online's first-party app and its app role for SMTP: constants only, so the automatic
 * setup's plan (a dry run prints it) names them without loading the Graph client and its network code.
 */

/** "Office 365 Exchange Online": the first-party app whose app role SMTP.SendAsApp is. */
export const EXCHANGE_ONLINE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
export const SEND_AS_APP_ROLE = 'SMTP.SendAsApp';
