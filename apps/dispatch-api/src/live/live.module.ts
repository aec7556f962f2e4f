import { Module } from '@nestjs/common';
import { LoadModule } from '../load/load.module';
import { LiveGateway } from './live.gateway';
import { LoadBroadcaster } from './load-broadcaster';

@Module({ imports: [LoadModule], providers: [LiveGateway, LoadBroadcaster], exports: [LiveGateway] })
export class LiveModule {}
