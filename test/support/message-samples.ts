import type { MessageDef, ParamSpecValue } from '../../src/messages/define.js';

/**
 * Sample values for rendering every message: a string parameter's sample is a marker (`⟦name⟧`) so a
 * test can tell which parameters a text shows. Shared by the parity test and the German style test.
 */
export function valuesOf(name: string, spec: ParamSpecValue): unknown[] {
  if (typeof spec === 'object' && 'samples' in spec) return [...spec.samples];
  if (Array.isArray(spec)) return [...spec];
  const optional = typeof spec === 'string' && spec.endsWith('?');
  const kind = (spec as string).replace(/\?$/, '');
  const present: unknown[] =
    kind === 'string'
      ? [`⟦${name}⟧`]
      : kind === 'number'
        ? [0, 1, 2, 5, 1234.5]
        : kind === 'strings'
          ? [[`⟦${name}.1⟧`], [`⟦${name}.1⟧`, `⟦${name}.2⟧`, `⟦${name}.3⟧`]]
          : kind === 'date'
            ? [new Date('2026-03-04T05:06:07Z')]
            : [true, false];
  return optional ? [...present, undefined] : present;
}

/** A base of first values, then each parameter through each of its values (not the whole product). */
export function sampleParams(def: MessageDef): Record<string, unknown>[] {
  const entries = Object.entries(def.params);
  const base = Object.fromEntries(entries.map(([name, spec]) => [name, valuesOf(name, spec)[0]]));
  const out: Record<string, unknown>[] = [base];
  for (const [name, spec] of entries) for (const value of valuesOf(name, spec).slice(1)) out.push({ ...base, [name]: value });
  const optional = entries.filter(([, spec]) => typeof spec === 'string' && spec.endsWith('?'));
  if (optional.length > 1) out.push({ ...base, ...Object.fromEntries(optional.map(([name]) => [name, undefined])) });
  return out;
}
