// Runs apps/dispatch-api/src/main.ts as `npm start` would, from its TypeScript sources (compiled on the fly by swc, decorators included) with @dtask/* mapped to libs.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@dtask\/([^/]+)$/.exec(request);
  return originalResolve.call(this, match ? join(__dirname, '..', '..', 'libs', match[1], 'src', 'index.ts') : request, ...rest);
};
require.extensions['.ts'] = (module, fileName) => {
  const { code } = transformSync(readFileSync(fileName, 'utf8'), {
    filename: fileName,
    jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true } },
    module: { type: 'commonjs' },
  });
  module._compile(code, fileName);
};
require('../../apps/dispatch-api/src/main.ts');
