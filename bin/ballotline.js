#!/usr/bin/env node
// Entry point. The project runs its TypeScript directly on Node 24 (type stripping),
// which `npm install` brings with the `node` package; npm scripts and `npx ballotline` use it.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`ballotline needs Node 24 or newer (this is ${process.version}). Run it through npm (npm start, npx ballotline ...), which uses the Node that npm install brought.`);
  process.exit(1);
}
await import('../src/cli/main.ts');
