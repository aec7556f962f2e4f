import { INestApplication } from '@nestjs/common';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyPluginAsync } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { Clock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { GuardedIoAdapter } from './http/guarded-io-adapter';

/** Largest accepted JSON body; larger ones are answered 400, never 500. */
const BODY_LIMIT_BYTES = 256 * 1024;
/**
 * A client must have sent its whole request (headers and body) within this time, so a slow or
 * stalled upload cannot hold a connection open for ever. Answers (a year's export) may take longer.
 */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The request line and headers must arrive sooner still. */
const HEADERS_TIMEOUT_MS = 10_000;
/** How often Node looks for requests past those limits (its default of 30 s would double them). */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
/** Path parameters up to the longest URL Node accepts reach validation, which answers 400 naming them. A trailing slash is ignored, as it was on Express. */
const MAX_PARAM_LENGTH = 16 * 1024;

/** The built console (apps/console/dist), served at `/` so one port carries everything. */
const CONSOLE_DIST = join(__dirname, '..', '..', 'console', 'dist');
/** Vite names every built asset by its content's hash, so a browser may keep it for a year. */
const HASHED_ASSET = /[\\/]assets[\\/]/;

/**
 * The console's security headers: its own scripts, styles and socket only (the one inline script
 * of index.html, which sets the language before rendering, allowed by its hash), never framed, no
 * MIME sniffing, no referrer (a task id in a URL stays here).
 */
export function consoleSecurityHeaders(indexHtml: string): Record<string, string> {
  const inlineScripts = [...indexHtml.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`,
  );
  const csp = [
    "default-src 'self'",
    `script-src 'self'${inlineScripts.length ? ` ${inlineScripts.join(' ')}` : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * The built console: compressed (br, else gzip), hashed assets under `/assets/` cached for good,
 * `index.html` and anything unhashed revalidated on every load so a new release is seen at once.
 * Compression lives in the console's own plugin scope: the API's JSON, CSV and NDJSON answers stay
 * as they were, so its CPU keeps going to the centre's load.
 */
const serveConsole: FastifyPluginAsync = async (scope) => {
  const indexHtml = join(CONSOLE_DIST, 'index.html');
  const securityHeaders = Object.entries(consoleSecurityHeaders(existsSync(indexHtml) ? readFileSync(indexHtml, 'utf8') : ''));
  await scope.register(compress, { encodings: ['br', 'gzip'], globalDecompression: false });
  await scope.register(fastifyStatic, {
    root: CONSOLE_DIST,
    prefix: '/',
    wildcard: false,
    cacheControl: false,
    setHeaders: (response, path) => {
      response.setHeader('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      for (const [name, value] of securityHeaders) response.setHeader(name, value);
    },
  });
};

/**
 * Builds the whole service; `main.ts` listens, tests drive it with supertest. Nest runs on Fastify:
 * at the centre's load the HTTP layer is most of a request's cost, and Fastify's is a third of Express's.
 */
export async function createApp(config: AppConfig, options: { clock?: Clock; requestTimeoutMs?: number } = {}): Promise<INestApplication> {
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node applies the limits given when the server is made (set later, they take effect late).
  const http = { requestTimeout, headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout), connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS };
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, requestTimeout, http, routerOptions: { maxParamLength: MAX_PARAM_LENGTH, ignoreTrailingSlash: true } });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.clock), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // The live channel is `/live`; the default namespace `/` (open to anyone) refuses every connection.
  app.useWebSocketAdapter(new GuardedIoAdapter(app));
  if (existsSync(CONSOLE_DIST)) await app.register(serveConsole);

  const openApi = new DocumentBuilder()
    .setTitle('D-task triage and dispatch API')
    .setDescription('Contract v1: ERC intake, nurse triage, handoffs, live load and load-reduction reports.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  // The API's map is for developers: served in dev mode only (which listens on loopback), never in production.
  if (config.AUTH_MODE === 'dev') SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  await app.init();
  // Supertest and `listen` both need Fastify's plugins loaded first.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
