// Sessions with an injected clock: idle timeout, absolute lifetime, the per-user cap, logout everywhere, token size.
import { describe, expect, it } from 'vitest';
import { type Session, Sessions, tokenHash } from '../engine/io/sessions.ts';
import {
  SESSION_ABSOLUTE_MS_MAX,
  SESSION_IDLE_MS_MAX,
  SESSION_TOKEN_BYTES,
  SESSIONS_PER_USER_MAX,
} from '../schemas/limits.ts';

function world() {
  const clock = { now: 5_000_000 };
  return { clock, sessions: new Sessions(() => clock.now) };
}

describe('sessions', () => {
  it('issue tokens of at least 128 random bits, all different', () => {
    const { sessions } = world();
    expect(SESSION_TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
    const tokens = Array.from({ length: 50 }, (_, i) => sessions.create(`u${i}`).token);
    for (const token of tokens) expect(Buffer.from(token, 'base64url').length).toBe(SESSION_TOKEN_BYTES);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('end a session idle past the idle timeout, and keep one in use', () => {
    const { sessions, clock } = world();
    const idle = sessions.create('ot1');
    const busy = sessions.create('pt1');
    clock.now += SESSION_IDLE_MS_MAX - 1;
    expect(sessions.get(busy.token)).not.toBeNull();
    clock.now += 2;
    expect(sessions.get(idle.token)).toBeNull();
    expect(sessions.get(busy.token)).not.toBeNull();
    expect(sessions.countOf('ot1')).toBe(0);
  });

  it('end a session past its absolute lifetime however active', () => {
    const { sessions, clock } = world();
    const session = sessions.create('ot1');
    const step = SESSION_IDLE_MS_MAX / 2;
    while (clock.now + step - 5_000_000 <= SESSION_ABSOLUTE_MS_MAX) {
      clock.now += step;
      expect(sessions.get(session.token)).not.toBeNull();
    }
    clock.now += step;
    expect(sessions.get(session.token)).toBeNull();
  });

  it('hold at most the per-user cap: a new sign-in ends the oldest', () => {
    const { sessions } = world();
    const first = sessions.create('ot1');
    const rest = Array.from({ length: SESSIONS_PER_USER_MAX }, () => sessions.create('ot1'));
    expect(sessions.countOf('ot1')).toBe(SESSIONS_PER_USER_MAX);
    expect(sessions.get(first.token)).toBeNull();
    for (const s of rest) expect(sessions.get(s.token)).not.toBeNull();
  });

  it('logout everywhere ends every session of the user and no other', () => {
    const { sessions } = world();
    const mine = [sessions.create('ot1'), sessions.create('ot1'), sessions.create('ot1')];
    const theirs = sessions.create('pt1');
    expect(sessions.deleteUser('ot1')).toBe(3);
    for (const s of mine) expect(sessions.get(s.token)).toBeNull();
    expect(sessions.get(theirs.token)).not.toBeNull();
    expect(sessions.size).toBe(1);
  });
  // Issue 17: sessions shared between replicated nodes (engine/replication/shared-sessions.ts carries them).
  it('share sessions by token hash: another node resumes one, and ending it anywhere ends it everywhere', () => {
    const a = world();
    const b = world();
    const shared: Array<{ keyHash: string; value: { userId: string; createdMs: number } | null }> = [];
    const wire = (from: Sessions, to: Sessions) => {
      from.replica = {
        created: (keyHash: string, session: Session) => {
          shared.push({ keyHash, value: { userId: session.userId, createdMs: session.createdMs } });
          to.mirror(keyHash, { userId: session.userId, createdMs: session.createdMs });
        },
        deleted: (keyHash: string) => {
          shared.push({ keyHash, value: null });
          to.mirror(keyHash, null);
        },
      };
    };
    wire(a.sessions, b.sessions);
    wire(b.sessions, a.sessions);
    const session = a.sessions.create('ot1');
    expect(shared[0]!.keyHash).toBe(tokenHash(session.token));
    expect(JSON.stringify(shared)).not.toContain(session.token); // only the hash leaves the node
    expect(b.sessions.get(session.token)?.userId).toBe('ot1');
    expect(b.sessions.get('not-a-token')).toBeNull();
    a.sessions.delete(session.token);
    expect(b.sessions.get(session.token)).toBeNull();
    const other = b.sessions.create('pt1');
    expect(a.sessions.deleteUser('pt1')).toBe(0); // not taken over on a yet, but ended on b all the same
    expect(b.sessions.get(other.token)).toBeNull();
    expect(a.sessions.get(other.token)).toBeNull();
  });

  it("takes its own sessions echoed back by the bucket's watch as its own, not as another node's", () => {
    const { sessions } = world();
    const deleted: string[] = [];
    sessions.replica = {
      // The bucket's watch delivers this node's own puts too.
      created: (keyHash, session) => sessions.mirror(keyHash, { userId: session.userId, createdMs: session.createdMs }),
      deleted: (keyHash) => deleted.push(keyHash), // its echo comes later, asynchronously
    };
    const mine = [sessions.create('ot1'), sessions.create('ot1')];
    expect(sessions.deleteUser('ot1')).toBe(2);
    expect(deleted.sort()).toEqual(mine.map((m) => tokenHash(m.token)).sort()); // one delete each, none twice
    const again = sessions.create('ot1');
    sessions.mirror(tokenHash(again.token), null); // ended on another node
    expect(sessions.get(again.token)).toBeNull();
  });
});
