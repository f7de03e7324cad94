import type { ExplainOptions } from '../cli.js';
import type { DiagnosisContext } from '../diagnose/types.js';
import { InputError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIO, READ_LIMITS, readAll } from '../io.js';
import { readErrorReason } from '../fs-errors.js';
import type { Output } from '../output.js';

/**
 * `explain "<text>"` (or `-` for standard input): the diagnosis of a pasted error message, log excerpt
 * or token-endpoint answer, by the same engine `check` uses (diagnoseText). Offline. Exit 0 when
 * something was recognised, 2 when not (saying what it looks for).
 */
export async function explainCommand(options: ExplainOptions, io: CliIO, output: Output): Promise<number> {
  const [{ diagnoseText }, { whatIsLookedFor }, { renderDiagnosis }, { diagnosisJson, EXPLAIN_SUGGESTION, explainJsonOf }] = await Promise.all([
    import('../diagnose/index.js'),
    import('../diagnose/looked-for.js'),
    import('../report/human.js'),
    import('../report/json.js'),
  ]);
  const context = await explainContext(options, io.env);
  // A pasted log may hold the secret this machine uses: never echo it.
  if (io.env.AZURE_CLIENT_SECRET) output.redactor.protect(io.env.AZURE_CLIENT_SECRET);

  const text = options.text.trim() === '-' ? await readPasted(io) : options.text;
  if (text.trim() === '') {
    throw new InputError([
      options.text.trim() === '-' ? 'standard input was empty: nothing to explain' : 'nothing to explain: give the error text (quoted), or - to read it from standard input',
    ]);
  }

  const result = diagnoseText(text, context);
  const c = output.color;
  if (!result) {
    if (options.json) {
      output.result(JSON.stringify(explainJsonOf({ recognized: false, exitCode: ExitCode.input, diagnosis: null, others: [] }), null, 2));
    } else {
      const lookedFor = whatIsLookedFor();
      output.info(
        [
          'smtp-oauth-setup explain: nothing in this text was recognised. It looks for:',
          ...lookedFor.map((l) => `  - ${l.kind}, e.g. ${l.examples.join(', ')} (${l.known} known)`),
          EXPLAIN_SUGGESTION,
        ].join('\n'),
      );
    }
    return ExitCode.input;
  }

  if (options.json) {
    const body = explainJsonOf({ recognized: true, exitCode: ExitCode.ok, diagnosis: diagnosisJson(result.diagnosis), others: result.others.map(diagnosisJson) });
    output.result(JSON.stringify(body, null, 2));
    return ExitCode.ok;
  }
  const lines = ['', ...renderDiagnosis(result.diagnosis, c)];
  if (result.others.length > 0) {
    lines.push('', c.bold('Also found in this text (the first one above is the most specific):'));
    for (const other of result.others) {
      lines.push(`  - ${other.code}${other.source ? ` (${other.source})` : ''}: ${other.summary}`);
    }
  }
  output.result(lines.join('\n'));
  return ExitCode.ok;
}

/** Values to fill into the fix: flags, else the environment `check` reads; each validated like check's. */
async function explainContext(options: ExplainOptions, env: NodeJS.ProcessEnv): Promise<DiagnosisContext> {
  const { addressSchema, clientIdSchema, tenantIdSchema } = await import('../inputs/schemas.js');
  const problems: string[] = [];
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
    else problems.push(`${fromFlag !== undefined ? flag : envName}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return context;
}

/** `explain -`: the pasted text from standard input, bounded (a wrong pipe must not fill memory). */
async function readPasted(io: CliIO): Promise<string> {
  try {
    return await readAll(io.stdin, READ_LIMITS.pastedText);
  } catch (error) {
    throw new InputError([`explain -: standard input: ${readErrorReason(error)}`]);
  }
}
