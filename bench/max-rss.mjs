// Preloaded into the CLI by bench/fleet.mjs (`node --import ./max-rss.mjs dist/bin.cjs …`): at exit,
// writes the process's peak resident memory (maxRSS, kilobytes) to the file BENCH_MAXRSS_FILE names.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
