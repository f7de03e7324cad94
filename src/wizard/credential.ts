import { basename, dirname, extname, join } from 'node:path';
import { uploadCertificateAction } from '../diagnose/catalog.js';
import type { Credential } from '../inputs/credential.js';
import type { Prompter } from '../inputs/prompter.js';
import { filePathSchema } from '../inputs/schemas.js';
import { Secret } from '../inputs/secret.js';
import { type CertificateLabels, type ClientCertificate, loadClientCertificate } from '../token/certificate.js';
import { createSelfSignedCertificate } from '../x509/self-signed.js';
import { askSecret, askText } from './ask.js';
import { msg, t } from '../messages/index.js';
import type { DemoHooks, Screen } from './context.js';
import { answerPath, writeFileAsked } from './files.js';
import type { Block } from './show.js';

/**
 * How the app proves itself to Entra ID, asked in step 1: a client secret (what most sending
 * applications' forms ask for), or a certificate (what Microsoft recommends): one the wizard creates
 * here (a key pair and a self-signed certificate, the key written 0600 and the public part written to
 * upload), or a PEM the admin already has. A certificate is remembered by its file's path only.
 */

export type CredentialChoice = 'given' | 'secret' | 'new-certificate' | 'certificate';

export interface CredentialInput {
  /** For the certificate's name and the portal path. */
  clientId: string;
  /** A credential given before the walk (flag, environment, saved configuration): offered first. */
  given: Credential | null;
  /** A certificate file given or saved earlier: the default of "a certificate I already have". */
  certificatePath?: string | undefined;
  /** Where new files go by default (the current directory). */
  workDir: string;
}

export interface CredentialDeps {
  prompter: Prompter;
  screen: Screen;
  demo?: DemoHooks;
}

export type CredentialOutcome =
  | { kind: 'chosen'; credential: Credential; /** Absolute; null for a secret. */ certificatePath: string | null }
  /** A new certificate not uploaded yet: its file is remembered, for the next run to offer it. */
  | { kind: 'stop'; certificatePath: string };

export const CERTIFICATE_FILE = 'smtp-oauth-sender.pem';

/** Validity offered for a new certificate, in months; a year is what Microsoft's app-only examples use. */
const VALIDITY_MONTHS = [6, 12, 24, 36] as const;
const DEFAULT_VALIDITY_MONTHS = 12;

/** Problems name the wizard's questions, not `check`'s flags (in the language in use). */
function labels(): CertificateLabels {
  return {
    certificate: t('wizard.certificate.label-file'),
    privateKey: t('wizard.certificate.label-key'),
    password: t('wizard.certificate.label-password'),
    missingKey: t('wizard.certificate.label-missing-key'),
  };
}

/**
 * The answers that change with a chosen credential: a certificate is remembered by its file (also
 * one not uploaded yet, when the admin stops), and a secret's expiry date no longer applies; a secret
 * forgets a certificate chosen before.
 */
export function credentialAnswers(
  chosen: { certificatePath: string | null },
  answers: { certificatePath?: string | undefined },
): { certificatePath?: string; secretExpires?: string } {
  if (chosen.certificatePath) return { certificatePath: chosen.certificatePath, secretExpires: '' };
  return answers.certificatePath ? { certificatePath: '' } : {};
}

/** The menu of step 1 and of "change a value": the given credential first when there is one. */
export async function chooseCredential(input: CredentialInput, deps: CredentialDeps): Promise<CredentialOutcome> {
  const { prompter } = deps;
  for (;;) {
    const choice = await prompter.select<CredentialChoice>({
      name: 'credentialKind',
      message: msg('wizard.ask.credential-kind'),
      default: input.given ? 'given' : input.certificatePath ? 'certificate' : 'secret',
      choices: [
        ...(input.given ? [{ value: 'given' as const, name: givenName(input.given) }] : []),
        { value: 'secret', name: msg('wizard.credential.secret'), description: msg('wizard.credential.secret-about') },
        { value: 'new-certificate', name: msg('wizard.credential.new-certificate'), description: msg('wizard.credential.new-certificate-about') },
        { value: 'certificate', name: msg('wizard.credential.certificate'), description: msg('wizard.credential.certificate-about') },
      ],
    });
    if (choice === 'given' && input.given) return { kind: 'chosen', credential: input.given, certificatePath: certificatePathOf(input.given) };
    if (choice === 'secret') return { kind: 'chosen', credential: { kind: 'secret', secret: await askSecret(prompter) }, certificatePath: null };
    const outcome = choice === 'new-certificate' ? await createCertificate(input, deps) : await existingCertificate(input, deps);
    // null: the admin backed out of writing the files; the menu comes back.
    if (outcome) return outcome;
  }
}

function givenName(credential: Credential) {
  if (credential.kind === 'secret') return msg('wizard.credential.given-secret', { source: credential.secret.source, length: credential.secret.length });
  return msg('wizard.credential.given-certificate', { source: credential.certificate.source, thumbprint: credential.certificate.thumbprintSha1 });
}

function certificatePathOf(credential: Credential): string | null {
  return credential.kind === 'certificate' ? credential.certificate.path : null;
}

/** Months from `now`, in whole days (a calendar month, not 30 days). */
export function validityDays(months: number, now: Date): number {
  const until = new Date(now);
  until.setUTCMonth(until.getUTCMonth() + months);
  return Math.round((until.getTime() - now.getTime()) / 86_400_000);
}

/** The public certificate's file: beside the key, same name, `.cer` (what the portal's upload offers first). */
export function uploadFileFor(pemPath: string): string {
  return join(dirname(pemPath), `${basename(pemPath, extname(pemPath))}.cer`);
}

/**
 * A new key pair and self-signed certificate: the key and the certificate in one PEM (0600; the
 * Azure SDKs' AZURE_CLIENT_CERTIFICATE_PATH format, and `check --certificate`), the certificate alone
 * in a `.cer` to upload. Then where to upload it, the thumbprints, and a pause until it is uploaded.
 */
async function createCertificate(input: CredentialInput, deps: CredentialDeps): Promise<CredentialOutcome | null> {
  const { prompter, screen } = deps;
  const months = await prompter.select({
    name: 'certificateValidity',
    message: msg('wizard.ask.certificate-validity'),
    default: String(DEFAULT_VALIDITY_MONTHS),
    choices: VALIDITY_MONTHS.map((m) => ({ value: String(m), name: msg('wizard.certificate.validity', { months: m }) })),
  });
  const created = createSelfSignedCertificate({ commonName: `smtp-oauth-setup ${input.clientId}`, validDays: validityDays(Number(months), new Date()) });

  const keyPath = await writeFileAsked(deps, {
    name: 'certificatePath',
    message: msg('wizard.ask.certificate-key-file'),
    defaultPath: CERTIFICATE_FILE,
    workDir: input.workDir,
    content: created.privateKeyPem + created.certificatePem,
  });
  if (!keyPath) return null;
  const uploadPath = await writeFileAsked(deps, {
    name: 'certificateUploadPath',
    message: msg('wizard.ask.certificate-upload-file'),
    defaultPath: uploadFileFor(keyPath),
    workDir: input.workDir,
    content: created.certificatePem,
    public: true,
  });
  if (!uploadPath) {
    screen.show({ kind: 'warning', text: msg('wizard.certificate.no-upload-file', { keyPath }) });
    return null;
  }
  const loaded = await loadClientCertificate({ certificatePath: keyPath, labels: labels() });
  // The file was written a moment ago from a certificate made here: failing to read it back is a bug.
  if (!loaded.certificate) throw new Error(`the new certificate cannot be read back: ${loaded.problems.join('; ')}`);
  const certificate = loaded.certificate;

  screen.show(
    { kind: 'paragraph', text: msg('wizard.certificate.key-file', { path: keyPath }) },
    { kind: 'paragraph', text: msg('wizard.certificate.upload-file', { path: uploadPath }), gap: false },
    { kind: 'action', text: uploadCertificateAction(input.clientId) },
    certificateFacts(certificate, { indent: 0, gap: true }),
  );
  const next = await prompter.select({
    name: 'certificateUploaded',
    message: msg('wizard.ask.certificate-uploaded'),
    // Never taken for granted (--yes): the token test right after needs the upload done.
    askAlways: true,
    default: 'uploaded',
    choices: [
      { value: 'uploaded', name: msg('wizard.certificate.uploaded') },
      { value: 'stop', name: msg('wizard.certificate.stop') },
    ],
  });
  if (next === 'stop') return { kind: 'stop', certificatePath: keyPath };
  const note = deps.demo?.uploadCertificate?.(created.certificatePem);
  if (note) screen.show({ kind: 'demo', text: note });
  return { kind: 'chosen', credential: { kind: 'certificate', certificate }, certificatePath: keyPath };
}

/** What to compare in the portal: its Thumbprint column is SHA-1; assertions name the SHA-256 one. */
function certificateFacts(certificate: ClientCertificate, layout: { indent: number; gap: boolean }): Block {
  return {
    kind: 'facts',
    ...layout,
    rows: [
      { label: msg('wizard.certificate.thumbprint'), value: certificate.thumbprintSha1, note: msg('wizard.certificate.thumbprint-note') },
      { label: 'SHA-256', value: certificate.thumbprintSha256, note: msg('wizard.certificate.sha256-note') },
      { label: msg('wizard.certificate.expires'), value: msg('wizard.date', { date: certificate.notAfter }) },
    ],
  };
}

/** A PEM the admin has: loaded and checked (key matches, RSA, not expired); an encrypted key asks its password. */
async function existingCertificate(input: CredentialInput, deps: CredentialDeps): Promise<CredentialOutcome> {
  const { prompter, screen } = deps;
  let suggestion = input.certificatePath;
  for (;;) {
    const answer = await askText(prompter, {
      name: 'certificatePath',
      message: msg('wizard.ask.certificate-path'),
      schema: filePathSchema,
      default: suggestion,
    });
    const path = answerPath(answer, input.workDir);
    const loaded = await loadCertificateFile(path, deps);
    if (loaded.certificate) {
      screen.show(
        { kind: 'success', text: msg('wizard.certificate.loaded', { subject: loaded.certificate.subject, path }), gap: false },
        certificateFacts(loaded.certificate, { indent: 2, gap: false }),
        { kind: 'note', text: msg('wizard.certificate.must-be-listed') },
        { kind: 'action', text: uploadCertificateAction(input.clientId), indent: 4 },
      );
      return { kind: 'chosen', credential: { kind: 'certificate', certificate: loaded.certificate }, certificatePath: path };
    }
    for (const problem of loaded.problems) screen.show({ kind: 'problem', text: problem });
    suggestion = answer;
  }
}

/** Loads a certificate file, asking for the key's password (masked, never saved) when it is encrypted. */
export async function loadCertificateFile(
  path: string,
  deps: { prompter: Prompter },
): Promise<{ certificate: ClientCertificate | null; problems: string[] }> {
  let loaded = await loadClientCertificate({ certificatePath: path, labels: labels() });
  // Three tries, as a login prompt gives; then the problem is reported like any other.
  for (let attempt = 1; attempt <= 3 && loaded.needsPassword; attempt++) {
    const password = await deps.prompter.password({
      name: 'certificatePassword',
      message: attempt === 1 ? msg('input.question.certificate-password', { path }) : msg('wizard.ask.certificate-password-again'),
    });
    loaded = await loadClientCertificate({ certificatePath: path, password: new Secret(password, 'prompt'), labels: labels() });
  }
  return loaded;
}

/**
 * The credential again after a resume (it is not kept in memory between runs): the saved
 * certificate's file, or the secret typed once more; a certificate file that no longer loads is
 * reported and the menu is offered.
 */
export async function credentialAgain(
  input: { clientId: string; certificatePath?: string | undefined; workDir: string },
  deps: CredentialDeps,
): Promise<CredentialOutcome> {
  const { screen } = deps;
  if (input.certificatePath) {
    const loaded = await loadCertificateFile(input.certificatePath, deps);
    if (loaded.certificate) {
      screen.show({ kind: 'success', text: msg('wizard.certificate.again', { path: input.certificatePath, thumbprint: loaded.certificate.thumbprintSha1 }), gap: false });
      return { kind: 'chosen', credential: { kind: 'certificate', certificate: loaded.certificate }, certificatePath: input.certificatePath };
    }
    for (const problem of loaded.problems) screen.show({ kind: 'problem', text: problem });
    return chooseCredential({ clientId: input.clientId, given: null, certificatePath: input.certificatePath, workDir: input.workDir }, deps);
  }
  screen.show({ kind: 'note', text: msg('wizard.credential.secret-again') });
  return { kind: 'chosen', credential: { kind: 'secret', secret: await askSecret(deps.prompter) }, certificatePath: null };
}
