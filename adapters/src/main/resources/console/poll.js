// Repeats a task no faster than once a second and never two at once; waits longer after errors.

const MINIMUM = 1000;
const LONGEST_BACKOFF = 30000;

export class Poller {
  constructor(task, interval) {
    this.task = task;
    this.interval = Math.max(MINIMUM, interval);
    this.failures = 0;
    this.timer = null;
    this.running = false;
    this.again = false;
    this.stopped = true;
    this.lastStart = 0;
  }

  start() {
    this.stopped = false;
    this.run();
    return this;
  }

  /** The pause between runs from now on (at least a second). */
  every(interval) {
    this.interval = Math.max(MINIMUM, interval);
  }

  /** Runs as soon as the last run is a second old (after a change the user made), then carries on as before. */
  now() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(Math.max(0, MINIMUM - (Date.now() - this.lastStart)));
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = null;
  }

  async run() {
    this.timer = null;
    this.running = true;
    this.lastStart = Date.now();
    try {
      await this.task();
      this.failures = 0;
    } catch (error) {
      if (error.name !== 'AbortError') this.failures += 1;
    } finally {
      this.running = false;
    }
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      this.schedule(MINIMUM);
      return;
    }
    const backoff = this.interval * 2 ** Math.min(this.failures, 5);
    this.schedule(this.failures === 0 ? this.interval : Math.min(LONGEST_BACKOFF, backoff));
  }

  schedule(pause) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), pause);
  }
}
