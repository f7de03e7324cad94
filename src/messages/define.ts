/**
 * How a message catalog is written. English defines every message: its id, its named parameters
 * (as a small runtime spec, so the parity test can render every message with sample values) and its
 * text. Every other language supplies only texts, typed against the English definitions, so the
 * compiler names each missing or extra message and each parameter a text uses that does not exist.
 *
 * Texts are functions of typed parameters, compiled like any other module (no message syntax is
 * parsed at run time: the start-up budget of `check` and `--help` has no room for it). A text may
 * choose between whole sentences on a parameter (a value known or unknown, a count), the way ICU's
 * `select` and `plural` do; it never glues a noun phrase made elsewhere into a sentence, because the
 * other language inflects it differently ("die App", "der App").
 */

/** The kinds of parameter a message can take; `?` marks one that may be absent. */
export type ParamKind = 'string' | 'number' | 'strings' | 'date' | 'boolean';

/** Sample values for a parameter of a structured type (used by the parity test). */
export interface Samples<T> {
  readonly samples: readonly [T, ...T[]];
}

/** `samples(a, b)`: a parameter of any type, with the values the parity test renders it with. */
export function samples<T>(...values: [T, ...T[]]): Samples<T> {
  return { samples: values };
}

/** A parameter: a kind, an optional kind, a closed set of strings (an enum), or any type with samples. */
export type ParamSpecValue = ParamKind | `${ParamKind}?` | readonly [string, ...string[]] | Samples<unknown>;
export type ParamSpec = Readonly<Record<string, ParamSpecValue>>;

type KindType<K extends ParamKind> = K extends 'string'
  ? string
  : K extends 'number'
    ? number
    : K extends 'strings'
      ? readonly string[]
      : K extends 'date'
        ? Date
        : boolean;

type ValueOf<V> = V extends `${infer K extends ParamKind}?`
  ? KindType<K> | undefined
  : V extends ParamKind
    ? KindType<V>
    : V extends readonly (infer E)[]
      ? E
      : V extends Samples<infer T>
        ? T
        : never;

type OptionalKeys<S extends ParamSpec> = { [K in keyof S]: S[K] extends `${ParamKind}?` ? K : never }[keyof S];
type RequiredKeys<S extends ParamSpec> = Exclude<keyof S, OptionalKeys<S>>;

/** The parameters object a spec describes (optional kinds are optional properties). */
export type ParamsOf<S extends ParamSpec> = { readonly [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  readonly [K in OptionalKeys<S>]?: ValueOf<S[K]>;
};

/** A message with parameters: its spec and its English text. */
export interface MessageDef<S extends ParamSpec = ParamSpec> {
  readonly params: S;
  readonly text: (p: ParamsOf<S>) => string;
}

/** `message({ mailbox: 'string' }, (p) => …)`: a message with named, typed parameters. */
export function message<const S extends ParamSpec>(params: S, text: (p: ParamsOf<S>) => string): MessageDef<S> {
  return { params, text };
}

/** An English catalog: a message without parameters is its text. */
export type Definitions = Readonly<Record<string, string | MessageDef<any>>>;

/** Checks a set of English definitions and keeps their literal types. */
export function defineMessages<const D extends Definitions>(definitions: D): D {
  return definitions;
}

/** Another language's texts for a set of English definitions: the same ids, texts of the same parameters. */
export type Translations<D extends Definitions> = {
  readonly [K in keyof D]: D[K] extends { readonly params: infer S extends ParamSpec } ? (p: ParamsOf<S>) => string : string;
};
