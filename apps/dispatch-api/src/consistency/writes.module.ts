import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { deciderProviders } from '../d-tasks/dtask-decider.provider';
import { dtaskServiceProvider } from '../d-tasks/dtask-service.provider';
import { EventPositionInterceptor } from '../http/event-position';
import { ReadConsistency } from './read-consistency';

/**
 * The one writer of task streams and the consistency of reads after it: one of each for the whole
 * service, and the position header that carries a client's writes to its reads on any instance.
 */
@Global()
@Module({
  providers: [...deciderProviders, dtaskServiceProvider, ReadConsistency, { provide: APP_INTERCEPTOR, useClass: EventPositionInterceptor }],
  exports: [...deciderProviders, dtaskServiceProvider, ReadConsistency],
})
export class WritesModule {}
