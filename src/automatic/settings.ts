import type { ConfigStore } from '../config/store.js';
import { Secret } from '../inputs/secret.js';
import { type Message, msg } from '../messages/index.js';
import type { Block } from '../wizard/show.js';
import { settingsRows } from '../wizard/steps/finish.js';
import { type Delivered, ownerAnswers, type SecretOwner } from './secret-delivery.js';

export interface SaveAnswersDeps {
  config: ConfigStore;
  show(message: Message): void;
}

/**
 * The saved configuration's answers after the automatic setup or a rotation, so that a later `check`
 * without flags tests the same app and mailbox; a certificate credential is saved by its file (the key
 * stays there). A secret kept there before stays: ConfigStore.save writes one only when given, so the
 * stored entry or reference is carried over by saving through deliverSecret's `saved-config` instead.
 */
export async function saveAnswers(owner: SecretOwner & { certificatePath?: string }, deps: SaveAnswersDeps): Promise<void> {
  const before = await deps.config.load();
  const answers = { ...before?.answers, ...ownerAnswers(owner), ...(owner.certificatePath && { certificatePath: owner.certificatePath }) };
  if (owner.certificatePath || !owner.expires) delete answers.secretExpires;
  await deps.config.save({ answers, ...(before?.token && { token: before.token }), ...(before?.wizard && { wizard: before.wizard }) });
  if (deps.config.path) deps.show(msg('credentials.answers.saved', { path: deps.config.path }));
}

/** Where the secret is, in the words of the final settings (never the value). */
function whereRows(delivered: Delivered[]): Block[] {
  const lines = delivered.map((d) => {
    if (d.destination.kind === 'show') return msg('credentials.settings.where-shown');
    if (d.path === null) return msg('credentials.settings.where-credential-store');
    return msg('credentials.settings.where-file', { path: d.path });
  });
  return lines.length === 0 ? [] : [{ kind: 'paragraph', text: msg('credentials.settings.where-heading') }, { kind: 'list', items: lines, gap: false }];
}

/**
 * The final settings for the sending application, as the wizard's finish step shows them (its rows:
 * host, port, STARTTLS, user name, tenant id, client id, the secret masked), then where the secret is.
 */
export function settingsBlocks(owner: SecretOwner, delivered: Delivered[]): Block[] {
  // The rows mask the secret whatever its value: a placeholder, so no value reaches this function.
  const credential = { kind: 'secret' as const, secret: new Secret('', 'delivered') };
  return [{ kind: 'facts', rows: settingsRows(ownerAnswers(owner), credential) }, ...whereRows(delivered)];
}
