// The diagnosis engine on hostile text: a pasted log of a megabyte must not cost more than a few
// scans of it. Measured as a ratio, in one run, to the cheapest work every diagnosis does anyway on the
// same text (lower-casing it and collapsing its white space), so that machine load affects both alike;
// a regular expression that backtracks shows as a ratio in the hundreds or thousands, not a few.
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

/** A ratio above this is a regular expression gone super-linear, not noise. */
const RATIO_BUDGET = 60;
const RUNS = 5;

/** A deterministic pseudo-random text (mulberry32), so every run measures the same input. */
function randomText(length, seed, alphabet) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

/** Inputs shaped after what the recognisers look for: codes, their separators, near-miss phrases. */
const INPUTS = [
  ['1 MB of SMTP-ish characters', randomText(1_000_000, 2, '0123456789.-: []()abcdefgAADSTS,b\'"\\rn\n')],
  ["'535 5.7.139 ' repeated", '535 5.7.139 '.repeat(80_000)],
  ["'5.7.' repeated", '5.7.'.repeat(250_000)],
  ["'AADSTS1' repeated", 'AADSTS1'.repeat(140_000)],
  ['an error_codes array without end', `"error_codes":[${'1,'.repeat(400_000)}`],
  ["'status' repeated", 'status: '.repeat(120_000)],
  ['node code prefixes', 'ECONNREFUSE'.repeat(80_000)],
  ['phrases almost matching', 'disabled for the tenan '.repeat(40_000) + 'security default '.repeat(40_000)],
];

function time(work) {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchDiagnose() {
  const { diagnoseText, diagnoseSmtpFailure } = await import('../dist/diagnose/index.js');
  diagnoseText('535 5.7.3 Authentication unsuccessful'); // compiles the expressions once
  console.log(`\nDiagnosis on hostile text, median of ${RUNS} runs (ratio to lower-casing and collapsing the same text; budget ${RATIO_BUDGET}×)`);
  let worst = 0;
  for (const [name, text] of INPUTS) {
    const baseline = [];
    const text_ = [];
    const smtp = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(time(() => text.toLowerCase().replace(/\s+/g, ' ')));
      text_.push(time(() => diagnoseText(text)));
      smtp.push(time(() => diagnoseSmtpFailure({ phase: 'auth', code: 'EAUTH', responseCode: 535, response: text, message: text, host: 'h', port: 587 })));
    }
    const base = Math.max(median(baseline), 0.01);
    const ratios = [median(text_) / base, median(smtp) / base];
    worst = Math.max(worst, ...ratios);
    console.log(`  ${name.padEnd(36)} ${median(baseline).toFixed(1).padStart(6)} ms  text ${ratios[0].toFixed(1).padStart(6)}×  SMTP reply ${ratios[1].toFixed(1).padStart(6)}×`);
  }
  console.log(`  ${worst <= RATIO_BUDGET ? 'PASS' : 'FAIL'}  worst ratio ${worst.toFixed(1)}× (budget ${RATIO_BUDGET}×)`);
  return { worst };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchDiagnose();
