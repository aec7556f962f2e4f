// Builds the console only when its output is missing or older than its sources, so `npm start` stays fast.
const { statSync, readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const consoleDir = join(__dirname, '..', 'apps', 'console');
const builtIndex = join(consoleDir, 'dist', 'index.html');
const sources = [join(consoleDir, 'src'), join(consoleDir, 'index.html'), join(consoleDir, 'vite.config.ts'), join(__dirname, '..', 'libs', 'events', 'src'),
  // The one domain file the console bundles (the panel's list of returns).
  join(__dirname, '..', 'libs', 'domain', 'src', 'dtask', 'handoff-returns.ts')];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

const stale = !existsSync(builtIndex) || Math.max(...sources.map(newestChange)) > statSync(builtIndex).mtimeMs;
if (stale) {
  // Always a production bundle, even when started from jest (NODE_ENV=test builds React for development).
  execFileSync('npm', ['run', 'build', '-w', 'apps/console'], { stdio: 'inherit', cwd: join(__dirname, '..'), env: { ...process.env, NODE_ENV: 'production' } });
} else {
  console.log('console is up to date');
}
