// Runs a CLI from its TypeScript sources: `node -r ts-child-loader.js run-ts-cli.js apps/…/main.ts [args]`, with @dtask/* mapped to libs.
const Module = require('node:module');
const { join, resolve } = require('node:path');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@dtask\/([^/]+)$/.exec(request);
  return originalResolve.call(this, match ? join(__dirname, '..', '..', 'libs', match[1], 'src', 'index.ts') : request, ...rest);
};
// The CLI parses process.argv after the script, so its own path leaves the list first.
const [entry] = process.argv.splice(2, 1);
require(resolve(__dirname, '..', '..', entry));
