import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { Clock } from './clock/clock';
import { bodyParserErrors } from './http/body-parser-errors';
import { AppConfig } from './config/app-config';

/** Largest accepted JSON body; larger ones are answered 400, never 500. */
const BODY_LIMIT = '256kb';

/** Builds the whole service; `main.ts` listens, tests drive it with supertest. */
export async function createApp(config: AppConfig, options: { clock?: Clock } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(bodyParserErrors);
  app.set('query parser', 'simple');
  app.disable('x-powered-by');
  // Answers are live state; hashing each one for an ETag only costs CPU on the hot path.
  app.set('etag', false);
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('D-task triage and dispatch API')
    .setDescription('Contract v1: ERC intake, nurse triage, handoffs, live load and load-reduction reports.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
