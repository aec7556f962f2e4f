import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { Clock } from './clock/clock';
import { AppConfig } from './config/app-config';

/** Largest accepted JSON body; larger ones are answered 400, never 500. */
const BODY_LIMIT_BYTES = 256 * 1024;
/** Path parameters up to the longest URL Node accepts reach validation, which answers 400 naming them. A trailing slash is ignored, as it was on Express. */
const MAX_PARAM_LENGTH = 16 * 1024;

/** The built console (apps/console/dist), served at `/` so one port carries everything. */
const CONSOLE_DIST = join(__dirname, '..', '..', 'console', 'dist');

/**
 * Builds the whole service; `main.ts` listens, tests drive it with supertest. Nest runs on Fastify:
 * at the centre's load the HTTP layer is most of a request's cost, and Fastify's is a third of Express's.
 */
export async function createApp(config: AppConfig, options: { clock?: Clock } = {}): Promise<INestApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, routerOptions: { maxParamLength: MAX_PARAM_LENGTH, ignoreTrailingSlash: true } });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.clock), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (existsSync(CONSOLE_DIST)) app.useStaticAssets({ root: CONSOLE_DIST, prefix: '/', wildcard: false });

  const openApi = new DocumentBuilder()
    .setTitle('D-task triage and dispatch API')
    .setDescription('Contract v1: ERC intake, nurse triage, handoffs, live load and load-reduction reports.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  await app.init();
  // Supertest and `listen` both need Fastify's plugins loaded first.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
