// A small pool of workers taking items from one queue: at most `concurrency` at once, each
// worker taking the next item as soon as it finishes one. `stop()` lets the items in hand finish
// and starts no more (--fail-fast).

export interface PoolControl {
  /** Start no more items; those already started run to the end. */
  stop(): void;
  readonly stopped: boolean;
}

/**
 * Runs `work` over `items`, in order of starting. Returns the items never started because the
 * pool was stopped. `work` must not throw: a failure is the worker's result to record.
 */
export async function runPool<Item>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item, control: PoolControl) => Promise<void>,
): Promise<Item[]> {
  let next = 0;
  let stopped = false;
  const control: PoolControl = {
    stop() {
      stopped = true;
    },
    get stopped() {
      return stopped;
    },
  };
  const worker = async () => {
    while (!stopped && next < items.length) {
      const item = items[next++] as Item;
      await work(item, control);
    }
  };
  const workers = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return items.slice(next);
}
