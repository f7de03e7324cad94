/**
 * The message layer: logic asks for a message by id with its parameters, and gets the words of the
 * language in use. Logic that reports rather than prints (errors, diagnoses, the wizard's screen)
 * builds a `Message` (id and parameters) and leaves the rendering to the place that prints it, so
 * tests assert ids and parameters, not sentences.
 *
 * The language is chosen once per run, in `main`, before anything is printed (`useLanguage`).
 * English is always loaded (it defines every message); another language is loaded only when chosen.
 */
import type { MessageDef, ParamSpec, ParamsOf, Translations } from './define.js';
import { type EnglishMessages, en } from './en/index.js';
import { type Formatter, formatterFor } from './format.js';
import type { Language } from './language.js';
import { type Vocabulary, vocabularyEn } from './vocabulary/en.js';

export type MessageId = keyof EnglishMessages;

/** The parameters of a message: `{}` for one without. */
export type MessageParams<K extends MessageId> = EnglishMessages[K] extends { readonly params: infer S extends ParamSpec } ? ParamsOf<S> : Record<string, never>;

/** `t(id)` for a message without parameters, `t(id, params)` for one with. */
export type ParamsArg<K extends MessageId> = EnglishMessages[K] extends { readonly params: ParamSpec } ? [params: MessageParams<K>] : [params?: Record<string, never>];

/** A message not yet rendered: what logic reports, and what tests compare. */
export interface Message<K extends MessageId = MessageId> {
  readonly id: K;
  readonly params: MessageParams<K>;
}

/** Builds a message descriptor (`msg('input.tenant-invalid', { value })`). */
export function msg<K extends MessageId>(id: K, ...params: ParamsArg<K>): Message<K> {
  return { id, params: (params[0] ?? {}) as MessageParams<K> };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).id === 'string' && (value as Message).id in en;
}

interface LoadedLanguage {
  language: Language;
  texts: Translations<EnglishMessages> | EnglishMessages;
  vocabulary: Vocabulary;
}

const english: LoadedLanguage = { language: 'en', texts: en, vocabulary: vocabularyEn };
let active: LoadedLanguage = english;

/** Loads a language and makes it the one every `t` speaks, for the rest of the run. */
export async function useLanguage(language: Language): Promise<void> {
  active = await load(language);
}

/** The language every `t` speaks now. */
export function currentLanguage(): Language {
  return active.language;
}

async function load(language: Language): Promise<LoadedLanguage> {
  switch (language) {
    case 'en':
      return english;
    case 'de': {
      const [{ de }, { vocabularyDe }] = await Promise.all([import('./de/index.js'), import('./vocabulary/de.js')]);
      return { language, texts: de, vocabulary: vocabularyDe };
    }
  }
}

/** Loads a language for rendering without changing the one in use (tests, and the parity test). */
export async function loadLanguage(language: Language): Promise<Renderer> {
  const loaded = await load(language);
  return rendererOf(loaded);
}

export interface Renderer {
  readonly language: Language;
  t<K extends MessageId>(id: K, ...params: ParamsArg<K>): string;
  render(message: Message): string;
  readonly vocabulary: Vocabulary;
  readonly format: Formatter;
}

function renderWith(loaded: LoadedLanguage, id: MessageId, params: unknown): string {
  const text = (loaded.texts as Record<string, unknown>)[id];
  if (typeof text === 'string') return text;
  if (typeof text === 'function') return (text as (p: unknown) => string)(params ?? {});
  if (text && typeof text === 'object') return (text as MessageDef).text((params ?? {}) as never);
  // Unreachable for a well-typed id; an id from outside (a saved file) falls back to showing itself.
  return String(id);
}

function rendererOf(loaded: LoadedLanguage): Renderer {
  return {
    language: loaded.language,
    t: (id, ...params) => renderWith(loaded, id, params[0]),
    render: (m) => renderWith(loaded, m.id, m.params),
    vocabulary: loaded.vocabulary,
    format: formatterFor(loaded.language),
  };
}

/** The words of a message in the language in use. */
export function t<K extends MessageId>(id: K, ...params: ParamsArg<K>): string {
  return renderWith(active, id, params[0]);
}

/** A message descriptor rendered in the language in use. */
export function render(message: Message): string {
  return renderWith(active, message.id, message.params);
}

/** The portal's words in the language in use. */
export function vocabulary(): Vocabulary {
  return active.vocabulary;
}

/** The formatter (numbers, durations, dates, lists) of the language in use. */
export function format(): Formatter {
  return formatterFor(active.language);
}

/** A Microsoft Learn link in the language's locale (`/en-us/` → `/de-de/`); other links unchanged. */
export function learnUrl(url: string, vocab: Vocabulary = active.vocabulary): string {
  return url.replace(/^(https:\/\/learn\.microsoft\.com\/)[a-z]{2}-[a-z]{2}\//, `$1${vocab.learnLocale}/`);
}
