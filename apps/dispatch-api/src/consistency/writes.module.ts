import { Global, Module } from '@nestjs/common';
import { deciderProviders } from '../d-tasks/dtask-decider.provider';
import { dtaskServiceProvider } from '../d-tasks/dtask-service.provider';
import { ReadConsistency } from './read-consistency';

/** The one writer of task streams and the consistency of reads after it: one of each for the whole service. */
@Global()
@Module({ providers: [...deciderProviders, dtaskServiceProvider, ReadConsistency], exports: [...deciderProviders, dtaskServiceProvider, ReadConsistency] })
export class WritesModule {}
