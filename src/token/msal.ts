import { createRequire } from 'node:module';
import type * as Msal from '@azure/msal-node';

let loaded: typeof Msal | undefined;

/**
 * @azure/msal-node, from its CommonJS build: one bundled file, where its ES build is some 470
 * modules that Node 20 needs about 90 ms more to load (measured by bench/check.mjs; `check` must stay
 * within 1.15× of a minimal script). Every use goes through here, so the error classes we create
 * (AuthError in the network client) are the very classes MSAL checks with instanceof.
 */
export function msal(): typeof Msal {
  loaded ??= createRequire(import.meta.url)('@azure/msal-node') as typeof Msal;
  return loaded;
}
