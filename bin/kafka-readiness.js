#!/usr/bin/env node
import { main } from '../dist/src/cli.js';
const code = await main(process.argv);
// Last resort, armed only once the report is written and the exit code decided: if a socket or timer the
// client library left behind (e.g. to a stopped broker) still holds the event loop, end with that code anyway.
// Unref'd, so a clean run exits at once without waiting for it.
setTimeout(() => process.exit(code), 2000).unref();
