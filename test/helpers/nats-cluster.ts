// A 3-node JetStream cluster on loopback ports for the replication tests and bench (issue 17): each server gets a
// generated config, its own temp store dir and free ports; ready once JetStream answers an account-info request
// (a meta leader is elected). A missing nats-server fails loudly: CI installs Debian's package (.ci/run).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const READY_TIMEOUT_MS = 30_000;
const NODES = 3;

export interface NatsCluster {
  /** Client URLs, comma-separated (NATS_URL). */
  url: string;
  urls: string[];
  stop(): Promise<void>;
  /** Pauses server i (SIGSTOP): it holds its sockets but answers nothing, as a frozen machine would. */
  pause(i: number): void;
  /** Wakes server i (SIGCONT). */
  resume(i: number): void;
}

/** The nats-server binary, or an error that says how to get it (tests must not skip silently). */
export function natsServerBinary(): string {
  for (const candidate of [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/bin/nats-server']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  if (which.status === 0 && found !== '') return found;
  throw new Error(
    'nats-server is not installed: install Debian\'s "nats-server" package (apt-get install nats-server)',
  );
}

import { freePort } from './free-port.ts';

export { freePort };

function configText(name: string, port: number, clusterPort: number, routes: number[], storeDir: string): string {
  return [
    `server_name: ${name}`,
    `listen: "127.0.0.1:${port}"`,
    `jetstream { store_dir: "${storeDir}" }`,
    'cluster {',
    '  name: aidstock',
    `  listen: "127.0.0.1:${clusterPort}"`,
    `  routes: [${routes.map((r) => `"nats://127.0.0.1:${r}"`).join(', ')}]`,
    '}',
    '',
  ].join('\n');
}

async function waitForJetStream(url: string, deadlineMs: number, output: () => string): Promise<void> {
  const { connect } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  let lastError: unknown = null;
  while (Date.now() < deadlineMs) {
    try {
      const nc = await connect({ servers: url.split(','), timeout: 1000 });
      try {
        const jsm = await jetstreamManager(nc, { timeout: 1000 });
        await jsm.getAccountInfo();
        return;
      } finally {
        await nc.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`JetStream cluster not ready: ${String(lastError)}\n${output()}`);
}

export async function startNatsCluster(): Promise<NatsCluster> {
  const binary = natsServerBinary();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aidstock-nats-'));
  const ports = await Promise.all(Array.from({ length: NODES }, () => freePort()));
  const clusterPorts = await Promise.all(Array.from({ length: NODES }, () => freePort()));
  const children: ChildProcess[] = [];
  let output = '';
  for (let i = 0; i < NODES; i++) {
    const name = `n${i + 1}`;
    const file = path.join(root, `${name}.conf`);
    const routes = clusterPorts.filter((_, j) => j !== i);
    fs.writeFileSync(file, configText(name, ports[i]!, clusterPorts[i]!, routes, path.join(root, name)));
    const child = spawn(binary, ['-c', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    // A test process that ends without stopping the cluster (a timeout) must not leave its servers running.
    process.once('exit', () => child.kill('SIGKILL'));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    children.push(child);
  }
  const urls = ports.map((port) => `nats://127.0.0.1:${port}`);
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitForJetStream(urls.join(','), Date.now() + READY_TIMEOUT_MS, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: urls.join(','),
    urls,
    stop: async () => {
      for (const child of children) child.kill('SIGCONT');
      await stop();
    },
    pause: (i) => children[i]!.kill('SIGSTOP'),
    resume: (i) => children[i]!.kill('SIGCONT'),
  };
}
