/** setTimeout's limit (about 24.8 days); longer waits are cut and the caller re-checks. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Resolves after `ms`, or as soon as any signal aborts. Never rejects. */
export function sleep(ms: number, signals: AbortSignal[]): Promise<void> {
  if (signals.some(signal => signal.aborted)) return Promise.resolve();
  return new Promise(resolve => {
    const done = () => {
      clearTimeout(timer);
      for (const signal of signals) signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, Math.min(ms, MAX_TIMER_MS)));
    for (const signal of signals) signal.addEventListener('abort', done, { once: true });
  });
}

/** A wait that `wake()` cuts short; a wake while nobody waits makes the next wait return at once. */
export class Waker {
  #controller = new AbortController();
  #pending = false;

  wake(): void {
    this.#pending = true;
    this.#controller.abort();
  }

  async wait(ms: number, stop: AbortSignal): Promise<void> {
    if (!this.#pending) await sleep(ms, [stop, this.#controller.signal]);
    if (this.#pending) {
      this.#pending = false;
      this.#controller = new AbortController();
    }
  }
}
