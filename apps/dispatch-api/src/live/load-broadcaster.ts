import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LoadService } from '../load/load.service';
import { AllStreamFollower } from '../projections/projection-host';
import { LiveGateway } from './live.gateway';

const LOAD_INTERVAL_MS = 1000;

/** Sends supervisors a `load` snapshot every second while anything changes (contract: live channel). */
@Injectable()
export class LoadBroadcaster implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private lastPosition: string | undefined | null = null;

  constructor(
    private readonly gateway: LiveGateway,
    private readonly load: LoadService,
    private readonly follower: AllStreamFollower,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.broadcast(), LOAD_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Also sends one at once to a supervisor who just subscribed. */
  broadcast(force = false): void {
    if (!this.gateway.hasClientsWithRole('supervisor')) return;
    if (!force && this.follower.position === this.lastPosition) return;
    this.lastPosition = this.follower.position;
    this.gateway.broadcastToRole('supervisor', 'load', this.load.snapshot());
  }
}
