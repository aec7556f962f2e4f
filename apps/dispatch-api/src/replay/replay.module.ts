import { Module } from '@nestjs/common';
import { deciderProviders } from '../d-tasks/dtask-decider.provider';
import { ReplayController } from './replay.controller';
import { ReplayService } from './replay.service';

@Module({ controllers: [ReplayController], providers: [...deciderProviders, ReplayService] })
export class ReplayModule {}
