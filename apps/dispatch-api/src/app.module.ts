import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { redactRequest } from './audit/request-log';
import { AuthModule } from './auth/auth.module';
import { Clock } from './clock/clock';
import { ClockModule } from './clock/clock.module';
import { LiveModule } from './live/live.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ProjectionsModule } from './projections/projections.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DTasksModule } from './d-tasks/d-tasks.module';
import { WritesModule } from './consistency/writes.module';
import { DeskModule } from './desk/desk.module';
import { MetricsModule } from './metrics/metrics.module';
import { EventLogModule } from './event-log/event-log.module';
import { ExportsModule } from './exports/exports.module';
import { LoadModule } from './load/load.module';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthModule } from './health/health.module';
import { ReplayModule } from './replay/replay.module';
import { RecordModule } from './record/record.module';
import { ReportsModule } from './reports/reports.module';
import { OutcomesModule, OutcomesReportModule } from './outcomes/outcomes.module';
import { ServicesModule } from './services-directory/services.module';
import { ErrorFilter } from './http/error.filter';
import { HttpDrain } from './http/http-drain';

/** Request lines are info-level: above that, requests are not logged at all. */
const logsRequests = (config: AppConfig) => ['trace', 'debug', 'info'].includes(config.LOG_LEVEL);

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        LoggerModule.forRoot({
          // Without request lines, mount the per-request logging middleware on no route at all (hot path).
          ...(logsRequests(config) ? {} : { forRoutes: [] }),
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Bodies and tokens carry health data and credentials: never log them.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // The access log is asked by identity code (`?personId=`): the request line never holds it.
            serializers: { req: redactRequest },
            // Request lines are info-level; above that, skip building them at all (hot path).
            autoLogging: logsRequests(config) ? { ignore: (req) => req.url?.startsWith('/health') ?? false } : false,
            quietReqLogger: true,
          },
        }),
        EventStoreModule,
        AuthModule,
        PrivacyModule,
        ProjectionsModule,
        LiveModule,
        HealthModule,
        ServicesModule,
        WritesModule,
        DTasksModule,
        ReportsModule,
        OutcomesModule,
        OutcomesReportModule,
        LoadModule,
        DeskModule,
        MetricsModule,
        EventLogModule,
        ReplayModule,
        ExportsModule,
        AdminModule,
        RecordModule,
        AuditModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }, HttpDrain],
    };
  }
}
