/**
 * The application permission of "Office 365 Exchange Online" that SMTP AUTH with a client-credentials
 * token needs: it becomes the token's `roles` claim once an admin has consented (Microsoft Learn,
 * "Authenticate an IMAP, POP or SMTP connection using OAuth"). A leaf module: the reports name it
 * without loading the token decoder.
 */
export const SEND_AS_APP_ROLE = 'SMTP.SendAsApp';
