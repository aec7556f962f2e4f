import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './support/chromium';

const ROOT = join(__dirname, '..');
const CHECK = join(ROOT, 'scripts', 'check-chromium.js');

describe('Chromium, a prerequisite of npm test', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('is found where Debian puts it, or where CHROMIUM_PATH says', () => {
    delete process.env.CHROMIUM_PATH;
    expect(chromiumPath()).toBe('/usr/bin/chromium');
    process.env.CHROMIUM_PATH = '/usr/bin/chromium';
    expect(chromiumPath()).toBe('/usr/bin/chromium');
    expect(execFileSync(process.execPath, [CHECK], { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/usr/bin/chromium' } })).toBe('');
  });

  it('where it is not, fails at once with one line saying how to install it', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    expect(() => chromiumPath()).toThrow(/^The browser tests need Chromium: CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file\. Install it with `sudo apt-get install chromium`/);
    const run = spawnSync(process.execPath, [CHECK], { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('apt-get install chromium');
  });

  it('is checked by `npm test` before anything else, and every browser test launches through the helper', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.test).toMatch(/^node scripts\/check-chromium\.js && /);
    // Every browser test finds Chromium through the one helper (directly, or through the shared harness).
    const launches = (source: string) => /launchChromium\(\)|startBrowserApp\(/.test(source);
    // A test may start its browser through a set-up of its own folder (desk-steps, analyst-steps) that does.
    const throughSteps = (source: string) => [...source.matchAll(/from '\.\/([\w-]+)'/g)].some(([, name]) => launches(readFileSync(join(__dirname, 'browser', `${name}.ts`), 'utf8')));
    for (const file of readdirSync(join(__dirname, 'browser')).filter((name) => name.endsWith('.test.ts'))) {
      const source = readFileSync(join(__dirname, 'browser', file), 'utf8');
      expect([file, launches(source) || throughSteps(source)]).toEqual([file, true]);
      expect([file, source.includes("executablePath: '/usr/bin/chromium'")]).toEqual([file, false]);
    }
    expect(readFileSync(join(__dirname, 'support', 'browser-app.ts'), 'utf8')).toContain('launchChromium()');
  });

  it('is listed in the README beside Node and the C++ toolchain', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/You need Node 20[^\n]{0,40}, a C\+\+ toolchain[\s\S]{0,120}Chromium/);
    expect(readme).toContain('apt-get install chromium');
  });
});
