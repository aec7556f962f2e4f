import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { cast } from './support/dtask-api';
import { startTestApp, TestApp } from './support/test-app';

/** Collects the bytes as they came, so a test can tell what travelled. */
const raw = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('the console as the server sends it', () => {
  let app: TestApp;
  let html: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-console-if-stale.js')], { stdio: 'ignore' });
    app = await startTestApp();
    html = (await app.http.get('/').set('Accept-Encoding', 'identity')).text;
  }, 120_000);
  afterAll(() => app?.close());

  it('sends index.html compressed and revalidated on every load', async () => {
    const br = await app.http.get('/').set('Accept-Encoding', 'br, gzip').buffer(true).parse(raw);
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers['content-type']).toMatch(/^text\/html/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);

    const gzip = await app.http.get('/').set('Accept-Encoding', 'gzip').buffer(true).parse(raw);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    // supertest has unzipped it: what arrives is the page itself.
    expect((gzip.body as Buffer).toString('utf8')).toBe(html);
    expect(html).toContain('<div id="root">');
  });

  it('names a favicon and sets the language and title before React renders', () => {
    expect(html).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/assets\/favicon-[\w-]+\.svg"/);
    expect(html).toContain("localStorage.getItem('dtask-language')");
    expect(html).toContain('document.documentElement.lang');
    expect(html).toContain('Prehospital lägescentral · D-uppdrag');
  });

  it('sends hashed assets compressed and cacheable for a year', async () => {
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    const icon = /href="(\/assets\/favicon-[\w-]+\.svg)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(icon).toBeDefined();
    for (const [path, type] of [
      [script!, /javascript/],
      [icon!, /^image\/svg\+xml/],
    ] as const) {
      const response = await app.http.get(path).set('Accept-Encoding', 'gzip, br').buffer(true).parse(raw);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(type);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      if (path === script) expect(['br', 'gzip']).toContain(response.headers['content-encoding']);
    }
    const plain = await app.http.get(script!).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('leaves the API answers as they were: uncompressed JSON, no caching of the console kind', async () => {
    const { get, tokens } = await cast(app);
    const services = await get(tokens.nurse, '/api/services').set('Accept-Encoding', 'br, gzip');
    expect(services.status).toBe(200);
    expect(services.headers['content-encoding']).toBeUndefined();
    expect(services.headers['cache-control'] ?? '').not.toContain('immutable');
  });
});
