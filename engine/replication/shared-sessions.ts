// Issue 17: sessions shared by every node through a replicated KV bucket (`<prefix>-sessions`), so a portal resumes its
// session on the new primary after a failover. Keys are SHA-256 hashes of tokens (io/sessions.ts keeps the tokens);
// the bucket's max age is a session's absolute lifetime, so entries of forgotten sessions go by themselves. Sharing is
// best effort: a put that fails costs the client a sign-in after a failover, never a refused command.
import type { KV, Kvm } from '@nats-io/kv';
import { SESSION_ABSOLUTE_MS_MAX, STREAM_REPLICAS } from '../../schemas/limits.ts';
import type { Sessions } from '../io/sessions.ts';

function logFailure(what: string): (error: unknown) => void {
  return (error) =>
    console.error(`aidstock: replication: session ${what} failed: ${error instanceof Error ? error.message : error}`);
}

/** Mirrors the bucket into `sessions` and this node's sessions into the bucket; resolves once the watch runs. */
export async function shareSessions(kvm: Kvm, bucket: string, sessions: Sessions): Promise<{ stop(): void }> {
  const kv: KV = await kvm.create(bucket, { ttl: SESSION_ABSOLUTE_MS_MAX, history: 1, replicas: STREAM_REPLICAS });
  sessions.replica = {
    created: (keyHash, session) =>
      void kv
        .put(keyHash, JSON.stringify({ userId: session.userId, createdMs: session.createdMs }))
        .catch(logFailure('put')),
    deleted: (keyHash) => void kv.delete(keyHash).catch(logFailure('delete')),
  };
  const watch = await kv.watch();
  void (async () => {
    for await (const entry of watch) {
      if (entry.operation === 'PUT') sessions.mirror(entry.key, entry.json<{ userId: string; createdMs: number }>());
      else sessions.mirror(entry.key, null);
    }
  })().catch(logFailure('watch'));
  return {
    stop: () => {
      sessions.replica = null;
      watch.stop();
    },
  };
}
