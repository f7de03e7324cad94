import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { writeUserFile } from '../fs/write-file.js';
import type { ExchangeDone } from './exchange-steps.js';

/**
 * The automatic setup's saved state: what it has made in the tenant, recorded the moment it exists,
 * so that a run killed at any point resumes without a second app, secret or assignment. Before each
 * create the run writes its intent (`pending`) with a marker that it also puts into the object (the
 * app's `notes`): a run killed between Graph's answer and the record finds the object by that marker.
 * It holds ids only, never a secret or a token; 0600 all the same (it names the tenant's objects).
 */

export type PendingCreate = 'create-app' | 'add-secret';

export interface AutomaticState {
  version: 1;
  tenantId: string;
  mailbox: string;
  from: string;
  appName: string;
  credential: 'secret' | 'certificate';
  /** This setup's marker, in the app's notes: how a lost answer is found again. */
  marker: string;
  pending?: { step: PendingCreate; at: string };
  app?: { objectId: string; appId: string };
  servicePrincipal?: { id: string };
  consent?: { assignmentId: string };
  /** The secret's key id; `delivered` once it reached a destination the proof can read it back from. */
  secret?: { keyId: string; endDateTime: string; delivered: 'saved-config' | 'env-file' | 'secret-file' | null; path?: string };
  certificate?: { path: string; notAfter: string };
  exchange: ExchangeDone;
  /** The proof passed at least once. */
  proved?: boolean;
}

const schema = z.object({
  version: z.literal(1),
  tenantId: z.string(),
  mailbox: z.string(),
  from: z.string(),
  appName: z.string(),
  credential: z.enum(['secret', 'certificate']),
  marker: z.string(),
  pending: z.object({ step: z.enum(['create-app', 'add-secret']), at: z.string() }).optional(),
  app: z.object({ objectId: z.string(), appId: z.string() }).optional(),
  servicePrincipal: z.object({ id: z.string() }).optional(),
  consent: z.object({ assignmentId: z.string() }).optional(),
  secret: z
    .object({ keyId: z.string(), endDateTime: z.string(), delivered: z.enum(['saved-config', 'env-file', 'secret-file']).nullable(), path: z.string().optional() })
    .optional(),
  certificate: z.object({ path: z.string(), notAfter: z.string() }).optional(),
  exchange: z.object({ servicePrincipal: z.boolean().optional(), mailboxPermission: z.boolean().optional(), sendAs: z.boolean().optional(), smtpAuth: z.boolean().optional() }),
  proved: z.boolean().optional(),
});

/** One file per tenant and mailbox, in the config directory's `automatic/` folder. */
export function statePath(configDir: string, tenantId: string, mailbox: string): string {
  const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9@._-]/g, '_');
  return join(configDir, 'automatic', `${safe(tenantId)}-${safe(mailbox)}.json`);
}

export function newState(fields: Omit<AutomaticState, 'version' | 'marker' | 'exchange'>): AutomaticState {
  return { version: 1, marker: randomUUID(), exchange: {}, ...fields };
}

/** The app's notes: the tool, the mailbox it sends for, and this setup's marker. */
export function appNotes(state: Pick<AutomaticState, 'mailbox' | 'marker'>): string {
  return `smtp-oauth-setup: sends as ${state.mailbox} (setup ${state.marker})`;
}

/** The mailbox named in an app's notes, for a rerun that has no saved state. */
export function mailboxOfNotes(notes: string | null | undefined): string | null {
  const found = /^smtp-oauth-setup: sends as (\S+) \(setup [0-9a-f-]+\)$/i.exec(notes ?? '');
  return found?.[1] ?? null;
}

/** The state, or null when there is none; an unreadable one is null too (the rerun finds the app by its notes). */
export async function loadState(path: string): Promise<AutomaticState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as AutomaticState) : null;
  } catch {
    return null;
  }
}

export interface Journal {
  readonly state: AutomaticState;
  /** Merges and writes (atomically, 0600) before returning: the caller goes on only once it is on disk. */
  record(patch: Partial<AutomaticState>): Promise<void>;
}

export function fileJournal(path: string, state: AutomaticState): Journal {
  let current = state;
  return {
    get state() {
      return current;
    },
    async record(patch) {
      current = { ...current, ...patch };
      for (const key of Object.keys(patch) as (keyof AutomaticState)[]) if (patch[key] === undefined) delete current[key];
      await writeUserFile(path, `${JSON.stringify(current, null, 2)}\n`, { private: true, createDirectory: true });
    },
  };
}

/** A journal that keeps the state in memory only (no config directory; tests). */
export function memoryJournal(state: AutomaticState): Journal & { writes: AutomaticState[] } {
  let current = state;
  const writes: AutomaticState[] = [];
  return {
    writes,
    get state() {
      return current;
    },
    async record(patch) {
      current = { ...current, ...patch };
      for (const key of Object.keys(patch) as (keyof AutomaticState)[]) if (patch[key] === undefined) delete current[key];
      writes.push(current);
    },
  };
}
