import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { deciderProviders } from '../d-tasks/dtask-decider.provider';
import { dtaskServiceProvider } from '../d-tasks/dtask-service.provider';
import { CommandPositionHook, ReadPositionGuard } from '../http/event-position';
import { ReadConsistency } from './read-consistency';

/**
 * The one writer of task streams and the consistency of reads after it: one of each for the whole
 * service, and the position header that carries a client's writes to its reads on any instance.
 */
@Global()
@Module({
  providers: [...deciderProviders, dtaskServiceProvider, ReadConsistency, CommandPositionHook, { provide: APP_GUARD, useClass: ReadPositionGuard }],
  exports: [...deciderProviders, dtaskServiceProvider, ReadConsistency],
})
export class WritesModule {}
