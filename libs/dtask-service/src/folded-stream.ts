import { DTaskState } from '@dtask/domain';

/** A task's stream folded up to `revision`, with the commands that wrote it. */
export interface FoldedStream {
  readonly state: DTaskState;
  /** Last revision folded; -1 for a stream that does not exist. */
  readonly revision: number;
  /** Each command's id, mapped to the id of the first event it wrote: how a retry is recognised. */
  readonly commands: ReadonlyMap<string, string>;
}

/** The tasks this process touched lately, so a command reads only the events it has not seen. */
export class StreamCache {
  private readonly entries = new Map<string, FoldedStream>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): FoldedStream | undefined {
    return this.entries.get(streamId);
  }

  remember(streamId: string, folded: FoldedStream): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, folded);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }
}
