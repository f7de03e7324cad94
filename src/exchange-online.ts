/**
 * Exchange Online as an Entra ID application: constants only, a leaf module, so that the reports,
 * the token's claims check and the automatic setup's plan (which a dry run prints) name them without
 * loading the token decoder or the Graph client.
 */

/** "Office 365 Exchange Online": the first-party app whose app role SMTP.SendAsApp is (automation-notes.md §2). */
export const EXCHANGE_ONLINE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/**
 * The application permission that SMTP AUTH with a client-credentials token needs: it becomes the
 * token's `roles` claim once an admin has consented (Microsoft Learn, "Authenticate an IMAP, POP or
 * SMTP connection using OAuth").
 */
export const SEND_AS_APP_ROLE = 'SMTP.SendAsApp';
