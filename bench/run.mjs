// All benchmarks in one run: `npm run bench` (after `npm run build`). Prints medians and ratios.
import { benchCheck } from './check.mjs';
import { benchStartup } from './startup.mjs';

console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
await benchStartup();
await benchCheck();
