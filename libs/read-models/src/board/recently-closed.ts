/**
 * The last tasks closed, at most `capacity`, in the order they first closed. A Map that evicts its
 * first key walks past every key deleted before it (about half its capacity, at every closure of a
 * year's replay); the order kept beside it goes straight to the oldest.
 */
export class RecentlyClosed<V> implements Iterable<[string, V]> {
  private readonly byTask = new Map<string, V>();
  /** Task ids in the order they first closed, from `oldest` on. */
  private order: string[] = [];
  private oldest = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.byTask.size;
  }

  get(taskId: string): V | undefined {
    return this.byTask.get(taskId);
  }

  /** A task closed again (an outcome after its closure) keeps its place. */
  set(taskId: string, value: V): void {
    const before = this.byTask.size;
    this.byTask.set(taskId, value);
    if (this.byTask.size === before) return;
    this.order.push(taskId);
    if (this.byTask.size <= this.capacity) return;
    this.byTask.delete(this.order[this.oldest]!);
    this.oldest += 1;
    if (this.oldest >= this.capacity) {
      this.order = this.order.slice(this.oldest);
      this.oldest = 0;
    }
  }

  clear(): void {
    this.byTask.clear();
    this.order = [];
    this.oldest = 0;
  }

  values(): IterableIterator<V> {
    return this.byTask.values();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.byTask[Symbol.iterator]();
  }
}
