import type * as z from 'zod';
import type { Prompter, PromptText, Validate } from '../inputs/prompter.js';
import { clientSecretSchema, isGuid, schemaValidator } from '../inputs/schemas.js';
import { Secret } from '../inputs/secret.js';
import { msg } from '../messages/index.js';

/**
 * Questions validated on entry with the same zod schemas `check` applies to flags, environment and
 * saved configuration: a value the wizard accepts is a value `check` accepts.
 */

export async function askText(
  prompter: Prompter,
  question: { name: string; message: PromptText; schema: z.ZodType<unknown, unknown>; default?: string | undefined; optional?: boolean },
): Promise<string> {
  // A default that fails its schema would be offered and then refused: leave it out.
  const usable = question.default !== undefined && question.default !== '' && schemaValidator(question.schema)(question.default) === true;
  const answer = await prompter.input({
    name: question.name,
    message: question.message,
    ...(usable && { default: question.default }),
    validate: schemaValidator(question.schema, { optional: question.optional ?? false }),
  });
  return answer.trim();
}

/**
 * The wizard is stricter than `check` about one thing: a GUID pasted as the secret is refused on
 * entry. Entra ID's secret Values are never GUIDs (they look like `Abc8Q~…`), while the Secret ID
 * next to it is one, and pasting it is the most common mistake (catalog A.1, AADSTS7000215).
 */
export const SECRET_ID_PASTED = msg('wizard.secret.secret-id-pasted');

export function validateSecretValue(value: string): true | PromptText {
  const verdict = schemaValidator(clientSecretSchema)(value);
  if (verdict !== true) return verdict;
  return isGuid(value) ? SECRET_ID_PASTED : true;
}

export async function askSecret(prompter: Prompter, message: PromptText = msg('input.question.client-secret')): Promise<Secret> {
  const answer = await prompter.password({ name: 'clientSecret', message, validate: validateSecretValue });
  return new Secret(clientSecretSchema.parse(answer), 'prompt');
}
