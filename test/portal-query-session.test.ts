// useQuery's logic without Preact: late answers dropped (after close or a newer read), a read again after a
// reconnect, pushes reloading or handed to onPush once loaded (dropped or replayed before), patches, onData reasons.
import { describe, expect, it } from 'vitest';
import { QuerySession, type QueryOptions, type QueryState } from '../portal/lib/query-session.js';

type Data = { n: number; items?: string[] };

function setup(options: QueryOptions<Data> = {}) {
  let state: QueryState<Data> = { data: null, error: null, loading: true };
  const reads: Array<{ resolve: (v: unknown) => void; reject: (e: unknown) => void }> = [];
  const pushHandlers = new Map<string, (event: unknown) => void>();
  let reconnect: () => void = () => {};
  let offs = 0;
  const session = new QuerySession<Data>({
    read: () => new Promise((resolve, reject) => reads.push({ resolve, reject })),
    options: () => options,
    setState: (update) => {
      state = update(state);
    },
    subscribe: (topic, handler) => {
      pushHandlers.set(topic, handler);
      return () => {
        offs++;
      };
    },
    onReconnect: (handler) => {
      reconnect = handler;
      return () => {
        offs++;
      };
    },
  });
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    session,
    reads,
    state: () => state,
    push: (topic: string, event: unknown) => pushHandlers.get(topic)?.(event),
    reconnect: () => reconnect(),
    offs: () => offs,
    tick,
  };
}

describe('QuerySession', () => {
  it('takes the answer, and drops an older read that answers after a newer one', async () => {
    const t = setup();
    t.session.start();
    t.session.load();
    t.reads[1].resolve({ n: 2 });
    t.reads[0].resolve({ n: 1 });
    await t.tick();
    expect(t.state()).toEqual({ data: { n: 2 }, error: null, loading: false });
  });

  it('drops answers after close, and unsubscribes topic and reconnect', async () => {
    const t = setup({ topic: 'orders' });
    t.session.start();
    t.session.close();
    t.reads[0].resolve({ n: 1 });
    await t.tick();
    expect(t.state().data).toBeNull();
    expect(t.offs()).toBe(2);
  });

  it('keeps the data on a failed read and says so; a later success clears the error', async () => {
    const t = setup();
    t.session.start();
    t.reads[0].resolve({ n: 1 });
    await t.tick();
    t.reconnect();
    const failure = { code: 'timeout' };
    t.reads[1].reject(failure);
    await t.tick();
    expect(t.state()).toEqual({ data: { n: 1 }, error: failure, loading: false });
    t.reconnect();
    t.reads[2].resolve({ n: 3 });
    await t.tick();
    expect(t.state()).toEqual({ data: { n: 3 }, error: null, loading: false });
  });

  it('reloads on every push when there is no onPush, and tells onData why the data changed', async () => {
    const why: string[] = [];
    const t = setup({ topic: 'pickups', onData: (_next, _previous, reason) => why.push(reason) });
    t.session.start();
    t.push('pickups', { type: 'pickup' });
    expect(t.reads).toHaveLength(2);
    t.reads[1].resolve({ n: 1 });
    await t.tick();
    t.reconnect();
    t.reads[2].resolve({ n: 2 });
    await t.tick();
    t.session.load();
    t.reads[3].resolve({ n: 3 });
    await t.tick();
    expect(why).toEqual(['push', 'reconnect', 'reload']);
  });

  it('hands pushes to onPush only once loaded: earlier ones dropped, or replayed with replayEarly', async () => {
    const seen: Array<[unknown, boolean]> = [];
    const onPush: QueryOptions<Data>['onPush'] = (event, control) => {
      seen.push([event, control.replayed]);
      control.patch((data) => ({ ...data, n: data.n + 1 }));
    };
    const dropped = setup({ topic: 'stock/100104', onPush });
    dropped.session.start();
    dropped.push('stock/100104', 'early');
    dropped.reads[0].resolve({ n: 10 });
    await dropped.tick();
    dropped.push('stock/100104', 'late');
    expect(seen).toEqual([['late', false]]);
    expect(dropped.state().data).toEqual({ n: 11 });
    expect(dropped.reads).toHaveLength(1);

    seen.length = 0;
    const replayed = setup({ topic: 'messages/ot1', onPush, replayEarly: true, select: (r) => ({ n: r.count }) });
    replayed.session.start();
    replayed.push('messages/ot1', 'early');
    replayed.reads[0].resolve({ count: 5 });
    await replayed.tick();
    expect(seen).toEqual([['early', true]]);
    expect(replayed.state().data).toEqual({ n: 6 });
  });
});
