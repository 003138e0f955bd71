// A loopback port free right now: for servers a test must name before they start (an engine's redirect URI, a NATS
// cluster's routes). Another process may take it meanwhile; the callers start at once.
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
