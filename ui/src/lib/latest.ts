/**
 * Runs an async task for the newest value only. Idle, a call runs at once; while a run is in
 * flight, the newest value waits and runs when it ends, and values in between are dropped.
 * Search as you type uses this instead of a debounce: the first keystroke searches without
 * waiting, and a fast typist never queues more than one search behind the running one.
 * `cancel` drops the waiting value (the run in flight finishes; its caller ignores it).
 */
export function latestOnly<T>(task: (value: T) => Promise<void>) {
  let running = false;
  let waiting: { value: T } | null = null;
  const run = async (value: T): Promise<void> => {
    if (running) {
      waiting = { value };
      return;
    }
    running = true;
    try {
      await task(value);
    } finally {
      running = false;
      const next = waiting;
      waiting = null;
      if (next) void run(next.value);
    }
  };
  run.cancel = () => {
    waiting = null;
  };
  return run;
}
