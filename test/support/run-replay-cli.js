// Runs the replay CLI (or, with REPLAY_CLI_ENTRY=export, the export CLI) from its TypeScript sources (loaded by ts-child-loader) with @dtask/* mapped to libs.
const Module = require('node:module');
const { join } = require('node:path');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@dtask\/([^/]+)$/.exec(request);
  return originalResolve.call(this, match ? join(__dirname, '..', '..', 'libs', match[1], 'src', 'index.ts') : request, ...rest);
};
require(`../../apps/replay/src/${process.env.REPLAY_CLI_ENTRY ?? 'main'}.ts`);
