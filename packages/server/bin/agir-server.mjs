#!/usr/bin/env node
// The operator CLI of @agir/server (see src/cli.ts, or run `agir-server help`). TypeScript runs through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
// Everything is closed by now; do not let a stray handle keep the process up.
setTimeout(() => process.exit(), 2000).unref();
