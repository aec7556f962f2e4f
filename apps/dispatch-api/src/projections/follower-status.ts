/** A listener that threw: it takes no more events, so its read model is never ahead of what it holds. */
export interface HaltedListener {
  name: string;
  position: string;
  eventType: string;
  error: string;
  at: string;
}

/** Why the follower is down, since when, and how often it has tried again. */
export interface FollowerFailure {
  error: string;
  since: string;
  attempts: number;
}

export interface FollowerStatus {
  /** Up while subscribed to `$all`; down between a failure and the next subscription. */
  state: 'up' | 'down';
  /** Last position every running listener has seen. */
  position: string | undefined;
  caughtUp: boolean;
  /** Why the follower is down, and since when. */
  failure?: FollowerFailure;
  halted: HaltedListener[];
}
