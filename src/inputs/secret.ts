import { inspect } from 'node:util';

/**
 * A client secret that cannot leak by accident: JSON.stringify, util.inspect, template strings and
 * console.log all show a placeholder. Only `reveal()` gives the value, and only the token step calls it.
 */
export class Secret {
  readonly #value: string;

  constructor(
    value: string,
    /** Where it came from, for the plan (`AZURE_CLIENT_SECRET`, `file ./secret.txt`, `prompt`). */
    readonly source: string,
  ) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return '[secret]';
  }

  toJSON(): string {
    return '[secret]';
  }

  [inspect.custom](): string {
    return '[secret]';
  }
}
