// All benchmarks in one run: `npm run bench` (after `npm run build`). Prints medians, ratios and the fleet's figures.
import { benchAutomatic } from './automatic.mjs';
import { benchCheck } from './check.mjs';
import { benchDiagnose } from './diagnose.mjs';
import { benchFleet, benchFleetLatency, benchOneRequest } from './fleet.mjs';
import { benchLatency } from './latency.mjs';
import { benchStartup } from './startup.mjs';

console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
await benchStartup();
await benchCheck();
await benchLatency();
await benchOneRequest();
await benchDiagnose();
await benchFleet();
await benchFleetLatency();
await benchAutomatic();
