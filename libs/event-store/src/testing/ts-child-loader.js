// Lets a plain `node` child process require the adapter's TypeScript sources, compiled on the fly by swc.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, fileName) => {
  const { code } = transformSync(readFileSync(fileName, 'utf8'), {
    filename: fileName,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  });
  module._compile(code, fileName);
};
