import { Global, Module } from '@nestjs/common';
import { AllStreamFollower } from './projection-host';

@Global()
@Module({ providers: [AllStreamFollower], exports: [AllStreamFollower] })
export class ProjectionsModule {}
