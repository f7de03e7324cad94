import type { ExplainOptions } from '../cli.js';
import type { DiagnosisContext } from '../diagnose/types.js';
import { InputError } from '../errors.js';
import { type CliIO, READ_LIMITS, readAll } from '../io.js';
import { readErrorReason } from '../fs-errors.js';
import { type Message, msg } from '../messages/index.js';
import type { Output } from '../output.js';
import type { Reporter } from '../report/reporter.js';

/**
 * `explain "<text>"` (or `-` for standard input): the diagnosis of a pasted error message, log excerpt
 * or token-endpoint answer, by the same engine `check` uses (diagnoseText). Offline. Exit 0 when
 * something was recognised, 2 when not (saying what it looks for).
 */
export async function explainCommand(options: ExplainOptions, io: CliIO, output: Output, reporter: Reporter): Promise<number> {
  const { diagnoseText } = await import('../diagnose/index.js');
  const context = await explainContext(options, io.env);
  // A pasted log may hold the secret this machine uses: never echo it.
  if (io.env.AZURE_CLIENT_SECRET) output.redactor.protect(io.env.AZURE_CLIENT_SECRET);

  const text = options.text.trim() === '-' ? await readPasted(io) : options.text;
  if (text.trim() === '') throw new InputError([msg(options.text.trim() === '-' ? 'explain.stdin-empty' : 'explain.nothing-given')]);
  return reporter.explain(diagnoseText(text, context));
}

/** Values to fill into the fix: flags, else the environment `check` reads; each validated like check's. */
async function explainContext(options: ExplainOptions, env: NodeJS.ProcessEnv): Promise<DiagnosisContext> {
  const { addressSchema, clientIdSchema, tenantIdSchema } = await import('../inputs/schemas.js');
  const problems: Message[] = [];
  const context: DiagnosisContext = {};
  const fields = [
    ['tenantId', '--tenant-id', 'AZURE_TENANT_ID', tenantIdSchema],
    ['clientId', '--client-id', 'AZURE_CLIENT_ID', clientIdSchema],
    ['mailbox', '--mailbox', 'SMTP_OAUTH_MAILBOX', addressSchema],
    ['from', '--from', undefined, addressSchema],
  ] as const;
  for (const [key, flag, envName, schema] of fields) {
    const fromFlag = options[key];
    const raw = fromFlag ?? (envName ? env[envName] : undefined);
    if (raw === undefined || raw === '') continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) context[key] = parsed.data;
    else problems.push(msg('explain.invalid-value', { source: (fromFlag !== undefined ? flag : envName) ?? flag, problem: parsed.error.issues.map((i) => i.message).join('; ') }));
  }
  if (problems.length > 0) throw new InputError(problems);
  return context;
}

/** `explain -`: the pasted text from standard input, bounded (a wrong pipe must not fill memory). */
async function readPasted(io: CliIO): Promise<string> {
  try {
    return await readAll(io.stdin, READ_LIMITS.pastedText);
  } catch (error) {
    throw new InputError([msg('explain.stdin-unreadable', { reason: readErrorReason(error) })]);
  }
}
