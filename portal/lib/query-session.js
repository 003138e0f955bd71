// @ts-check
// One engine read followed over time, without Preact (useQuery holds one per op and args): answers that come late
// (after close, or after a newer read was sent) are dropped, every reconnect reads again (pushes sent while the
// connection was down are lost), and a topic's pushes reload, or are handed to onPush once the first answer is in.

/**
 * Why data changed: the first read, a reload asked for by the component, a push, or a reconnect.
 * @typedef {'load' | 'reload' | 'push' | 'reconnect'} QueryReason
 */

/**
 * @template T
 * @typedef {object} QueryControl
 * @property {(why?: QueryReason) => void} reload  read again, keeping the data shown meanwhile
 * @property {(update: (data: T) => T) => void} patch  change the data in place (a push applied without a read)
 * @property {boolean} replayed  the push came before the first answer and is handed over after it
 */

/**
 * @template T
 * @typedef {object} QueryOptions
 * @property {string | null} [topic]  push topic to follow; subscribed before the first read, so no change falls between
 * @property {(event: any, control: QueryControl<T>) => void} [onPush]  without it every push reloads; with it,
 *   called once the first answer is in (earlier pushes are dropped, or handed over after it with replayEarly)
 * @property {boolean} [replayEarly]
 * @property {(result: any) => T} [select]  the data kept from a reply (default: the reply itself)
 * @property {(next: T, previous: T | null, why: QueryReason) => void} [onData]  after each answer is taken
 * @property {boolean} [keepData]  keep the old data on screen while new args load (default: blank it)
 */

/**
 * @template T
 * @typedef {object} QueryState
 * @property {T | null} data  the newest answer, null before the first
 * @property {any} error  the failure of the newest read (an ApiError), null once a read succeeds
 * @property {boolean} loading  from the start until the first answer
 */

/**
 * @template T
 * @typedef {object} QuerySessionSpec
 * @property {() => Promise<any>} read  one read (api.call of the op)
 * @property {() => QueryOptions<T>} options  the owner's current options (they may change between renders)
 * @property {(update: (state: QueryState<T>) => QueryState<T>) => void} setState
 * @property {(topic: string, handler: (event: any) => void) => () => void} subscribe
 * @property {(handler: () => void) => () => void} onReconnect
 */

/** @template T */
export class QuerySession {
  /** @param {QuerySessionSpec<T>} spec */
  constructor(spec) {
    this.spec = spec;
    this.alive = true;
    this.loaded = false;
    /** Number of the newest read sent: an answer to an older one is dropped. */
    this.seq = 0;
    /** @type {unknown[]} pushes before the first answer, handed over after it (replayEarly) */
    this.early = [];
    /** @type {T | null} */
    this.last = null;
    /** @type {Array<() => void>} */
    this.offs = [];
  }

  /** Subscribe (first, so no change falls between), read, and read again after each reconnect. */
  start() {
    const topic = this.spec.options().topic ?? null;
    if (topic !== null) this.offs.push(this.spec.subscribe(topic, (event) => this.onPush(event)));
    this.offs.push(this.spec.onReconnect(() => this.load('reconnect')));
    this.load('load');
  }

  close() {
    this.alive = false;
    this.early = [];
    for (const off of this.offs.splice(0)) off();
  }

  /** @param {QueryReason} [why] */
  load(why = 'reload') {
    const mine = ++this.seq;
    this.spec.read().then(
      (result) => {
        if (this.alive && mine === this.seq) this.answer(result, why);
      },
      (failure) => {
        if (this.alive && mine === this.seq)
          this.spec.setState((current) => ({ ...current, error: failure, loading: false }));
      },
    );
  }

  /** @param {any} result @param {QueryReason} why */
  answer(result, why) {
    const { select, onData } = this.spec.options();
    const next = select ? select(result) : /** @type {T} */ (result);
    const previous = this.last;
    this.last = next;
    this.loaded = true;
    this.spec.setState(() => ({ data: next, error: null, loading: false }));
    onData?.(next, previous, why);
    for (const event of this.early.splice(0)) this.deliver(event, true);
  }

  /** @param {(data: T) => T} update */
  patch(update) {
    if (!this.alive) return;
    this.spec.setState((current) => {
      if (current.data === null) return current;
      this.last = update(current.data);
      return { ...current, data: this.last };
    });
  }

  /** @param {unknown} event */
  onPush(event) {
    if (!this.alive) return;
    const { onPush, replayEarly } = this.spec.options();
    if (!onPush) this.load('push');
    else if (this.loaded) this.deliver(event, false);
    else if (replayEarly) this.early.push(event);
  }

  /** @param {unknown} event @param {boolean} replayed */
  deliver(event, replayed) {
    /** @type {QueryControl<T>} */
    const control = { reload: (why) => this.load(why), patch: (update) => this.patch(update), replayed };
    this.spec.options().onPush?.(event, control);
  }
}
