#!/usr/bin/env node
import { main } from './main.js';
import { processIO } from './io.js';

// The only place that ends the process; everything below returns an exit code or throws a CliError.
process.exit(await main(process.argv.slice(2), processIO()));
