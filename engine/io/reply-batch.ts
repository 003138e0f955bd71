// Replies to commands resolve together when a group commit is flushed. Sending each under its own cork costs one
// write syscall per reply (7–14 µs on loopback here); queuing them and flushing once per socket on the next tick
// sends a whole commit's replies for a connection in one write. Contract: a queued send runs exactly once, on the
// next tick, corked if its socket is still open; backpressure is the send's own concern (ws-messages.ts).

type Ws = import('uWebSockets.js').WebSocket<unknown>;
/** What we know of a connection without touching its socket (any call on a closed uWS socket throws). */
interface Liveness {
  closed: boolean;
}

export class ReplyBatch {
  private readonly queued = new Map<Ws, { conn: Liveness; sends: Array<() => void> }>();
  private scheduled = false;

  /**
   * Runs `send` inside one cork per socket at the end of this tick; for a closed connection it runs uncorked
   * (bookkeeping only).
   */
  add(ws: Ws, conn: Liveness, send: () => void): void {
    if (conn.closed) {
      send();
      return;
    }
    const entry = this.queued.get(ws);
    if (entry === undefined) this.queued.set(ws, { conn, sends: [send] });
    else entry.sends.push(send);
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    const batches = [...this.queued];
    this.queued.clear();
    for (const [ws, { conn, sends }] of batches) {
      // The socket may have closed since the reply was queued.
      if (conn.closed) {
        for (const send of sends) send();
        continue;
      }
      ws.cork(() => {
        for (const send of sends) send();
      });
    }
  }
}
