// All benchmarks in one run: `npm run bench` (after `npm run build`). Prints medians, ratios and the fleet's figures.
import { benchCheck } from './check.mjs';
import { benchFleet, benchOneRequest } from './fleet.mjs';
import { benchStartup } from './startup.mjs';

console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
await benchStartup();
await benchCheck();
await benchOneRequest();
await benchFleet();
