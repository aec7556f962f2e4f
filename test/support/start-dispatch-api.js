// Starts dispatch-api from its TypeScript sources in a plain `node` child, as `npm start` would
// (its config from the environment), prints `started` and stops again: for tests of a refused start.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, fileName) => {
  const { code } = transformSync(readFileSync(fileName, 'utf8'), {
    filename: fileName,
    jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true } },
    module: { type: 'commonjs' },
  });
  module._compile(code, fileName);
};
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@dtask\/([^/]+)$/.exec(request);
  return originalResolve.call(this, match ? join(__dirname, '..', '..', 'libs', match[1], 'src', 'index.ts') : request, ...rest);
};

require('reflect-metadata');
const { createApp } = require('../../apps/dispatch-api/src/bootstrap.ts');
const { loadConfig } = require('../../apps/dispatch-api/src/config/app-config.ts');

createApp(loadConfig(process.env)).then(
  async (app) => {
    process.stdout.write('started\n');
    await app.close();
  },
  (error) => {
    process.stderr.write(`dispatch-api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
