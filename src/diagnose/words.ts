/**
 * A diagnosis' words: the messages `diagnosis.<code>.title`, `.summary` and `.fix` rendered with the
 * view of the failure, in the language in use or in a given one (the errors reference, tests).
 */
import { type Message, type MessageId, render as renderActive } from '../messages/index.js';
import type { Facts } from './types.js';
import { type DiagnosisView, diagnosisView, type Placeholders } from './view.js';

type Render = (message: Message) => string;

/** The message ids of a catalog entry's words. */
export function diagnosisMessageIds(code: string): { title: MessageId; summary: MessageId; fix: MessageId } {
  // Every catalog code has all three in every language (test/diagnose/messages.test.ts).
  return {
    title: `diagnosis.${code}.title` as MessageId,
    summary: `diagnosis.${code}.summary` as MessageId,
    fix: `diagnosis.${code}.fix` as MessageId,
  };
}

/** The title, summary and fix of a catalog entry for a view. */
export function diagnosisWords(code: string, v: DiagnosisView, render: Render = renderActive): { title: string; summary: string; fix: string } {
  const ids = diagnosisMessageIds(code);
  const one = (id: MessageId) => render({ id, params: { v } } as unknown as Message);
  return { title: one(ids.title), summary: one(ids.summary), fix: one(ids.fix) };
}

/** The placeholders for unknown values in a language (`t` of the language in use, or a renderer's). */
export function placeholdersIn(t: (id: 'diagnosis.placeholder.tenant' | 'diagnosis.placeholder.client' | 'diagnosis.placeholder.mailbox' | 'diagnosis.placeholder.sender' | 'diagnosis.placeholder.service-principal') => string): Placeholders {
  return {
    tenant: t('diagnosis.placeholder.tenant'),
    client: t('diagnosis.placeholder.client'),
    mailbox: t('diagnosis.placeholder.mailbox'),
    sender: t('diagnosis.placeholder.sender'),
    servicePrincipal: t('diagnosis.placeholder.service-principal'),
  };
}

/** The words of a catalog entry for a failure's facts, with placeholders of the same language. */
export function wordsForFacts(code: string, facts: Facts, render: Render = renderActive): { title: string; summary: string; fix: string } {
  const placeholders = placeholdersIn((id) => render({ id, params: {} } as unknown as Message));
  return diagnosisWords(code, diagnosisView(facts, placeholders), render);
}
