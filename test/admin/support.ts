import { randomUUID } from 'node:crypto';
import type { Sandbox } from '../../src/sandbox/index.js';
import { signInAdmin, type AdminSignInOptions, type SignInPrompt } from '../../src/admin/sign-in.js';

/** The sandbox's Graph and Exchange resources, and what a public client of the admin's own gets for them. */
export const GRAPH = 'https://graph.microsoft.com';
export const EXCHANGE = 'https://outlook.office365.com';

/**
 * Registers the admin's own public client in the sandbox tenant, pre-authorized for both resources
 * (what `--admin-client-id` names): one sign-in then gives a Graph and an Exchange token.
 */
export function addOwnPublicClient(
  sandbox: Sandbox,
  graphScopes = ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Policy.Read.All'],
  exchangeScopes = ['AdminApi.AccessAsUser.All'],
): string {
  const appId = randomUUID();
  sandbox.tenant.directory.publicClients.push({ appId, displayName: 'Contoso setup client', scopes: { [GRAPH]: graphScopes, [EXCHANGE]: exchangeScopes } });
  return appId;
}

/** A sign-in against the sandbox, the device code approved by the sandbox's first administrator unless told otherwise. */
export async function sandboxSignIn(
  sandbox: Sandbox,
  options: Partial<AdminSignInOptions> & { onPrompt?: (prompt: SignInPrompt) => void } = {},
) {
  const prompts: SignInPrompt[] = [];
  const { onPrompt, ...rest } = options;
  const session = await signInAdmin({
    authorityHost: sandbox.authorityHost,
    tenant: sandbox.tenant.id,
    extraCaPem: sandbox.caPem,
    timeoutMs: 5000,
    prompt: (p) => {
      prompts.push(p);
      onPrompt?.(p);
    },
    ...rest,
  });
  return { session, prompts };
}

export function httpOptions(sandbox: Sandbox) {
  return { timeoutMs: 5000, extraCaPem: sandbox.caPem };
}
