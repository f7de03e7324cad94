/**
 * How long a new credential is valid, in months. Entra's portal offers client secrets of 3 to 24
 * months (its recommended 180 days, 12, 18, 24 months, or a custom date up to 24 months out); the
 * Azure CLI's maximum is two years as well. A tenant's app management policy can shorten it, which the
 * execution reports as Graph's refusal. The same range here, for a secret and for a certificate.
 * Its own module: the CLI's help needs it without the plan.
 */
export const SECRET_MONTHS = { min: 1, max: 24, default: 12 } as const;
