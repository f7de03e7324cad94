/**
 * A diagnosis as the JSON contract carries it (schema/diagnosis.schema.json): the same fields in
 * `check`, `explain`, fleets and every error outcome. Here, beside the diagnosis, so that the pipeline
 * (check/run.ts) and the reports both use it without the one importing the other.
 */
import type { Diagnosis } from './types.js';

export interface DiagnosisJson {
  code: string;
  step: Diagnosis['step'];
  transient: boolean;
  propagation: boolean;
  summary: string;
  fix: string;
  source: string | null;
  learnMore: string | null;
  /** The problems of an input error (`input-invalid`, `input-missing`), one per line of the message; null otherwise. */
  problems: string[] | null;
}

/** Copies a diagnosis field by field, with `learnMore` and `problems` as null when they do not apply. */
export function diagnosisJson(
  d: Pick<Diagnosis, 'code' | 'step' | 'transient' | 'propagation' | 'summary' | 'fix' | 'source'> & { learnMore?: string | null; problems?: readonly string[] | null },
): DiagnosisJson {
  return {
    code: d.code,
    step: d.step,
    transient: d.transient,
    propagation: d.propagation,
    summary: d.summary,
    fix: d.fix,
    source: d.source,
    learnMore: d.learnMore ?? null,
    problems: d.problems ? [...d.problems] : null,
  };
}
