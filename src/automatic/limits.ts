/**
 * Entra's portal offers client secrets of 3 to 24 months (its "Custom" choice too): the same range
 * here, for a secret and for a certificate. Its own module: the CLI's help needs it without the plan.
 */
export const SECRET_MONTHS = { min: 1, max: 24, default: 12 } as const;
