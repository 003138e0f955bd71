// Command line for the load driver: run one load test (against --url, or a freshly spawned echo server) and print the result as JSON.
import { parseArgs } from 'node:util';
import { runLoad, stockGetWorkload, type Encoding } from './load.ts';
import { startEcho, type EchoServer } from './start-echo.ts';

const USAGE = `usage: node --import tsx bench/driver/cli.ts [--url ws://127.0.0.1:PORT/ws] [--connections 16] [--pipeline 16]
       [--warmup 1] [--duration 5] [--mode echo|reply] [--encoding msgpack|json] [--login user:password]
Durations are seconds. Without --url an echo server is spawned as a child process (mode echo).`;

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    connections: { type: 'string', default: '16' },
    pipeline: { type: 'string', default: '16' },
    warmup: { type: 'string', default: '1' },
    duration: { type: 'string', default: '5' },
    mode: { type: 'string', default: 'echo' },
    encoding: { type: 'string', default: 'msgpack' },
    login: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const mode = values.mode;
const encoding = values.encoding;
if ((mode !== 'echo' && mode !== 'reply') || (encoding !== 'msgpack' && encoding !== 'json')) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
let login: { username: string; password: string } | undefined;
if (values.login !== undefined) {
  const colonAt = values.login.indexOf(':');
  if (colonAt < 0) throw new Error('--login must be user:password');
  login = { username: values.login.slice(0, colonAt), password: values.login.slice(colonAt + 1) };
}

let echo: EchoServer | null = null;
try {
  let url = values.url;
  if (url === undefined) {
    if (mode !== 'echo') throw new Error('--url is required in reply mode');
    echo = await startEcho();
    url = echo.url;
  }
  const result = await runLoad({
    url,
    connections: Number(values.connections),
    pipeline: Number(values.pipeline),
    warmupMs: Math.round(Number(values.warmup) * 1000),
    durationMs: Math.round(Number(values.duration) * 1000),
    mode,
    encoding: encoding as Encoding,
    workload: stockGetWorkload,
    ...(login !== undefined ? { login } : {}),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await echo?.stop();
}
