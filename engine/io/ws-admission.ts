// Who may open a WebSocket (issue 13): a browser's `Origin` must be on the allow-list (ALLOWED_ORIGINS), or, without
// a list, be the engine's own origin (the host the request was sent to); a client that sends no Origin (load tools,
// integrators: browsers always send one) is let in. And at most CONNECTIONS_PER_ADDRESS_MAX open sockets per client
// address, so one host cannot take every file descriptor. Refusals happen at upgrade, as plain HTTP (403, 429).
import { CONNECTIONS_PER_ADDRESS_MAX } from '../../schemas/limits.ts';

/** ALLOWED_ORIGINS: comma-separated origins (`https://hmc.example.se`); empty or unset means the engine's own. */
export function allowedOriginsFromEnv(value: string | undefined): string[] | null {
  const origins = (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map(normalOrigin);
  return origins.length === 0 ? null : origins;
}

function normalOrigin(origin: string): string {
  return origin.toLowerCase().replace(/\/+$/, '');
}

/** True when a request with this Origin (or none) and Host header may upgrade. */
export function originAllowed(origin: string, host: string, allowed: readonly string[] | null): boolean {
  if (origin === '') return true;
  const normal = normalOrigin(origin);
  if (allowed !== null) return allowed.includes(normal);
  try {
    return host !== '' && new URL(normal).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** Open sockets per client address; counted at open and close (uWS opens inside `upgrade`, so checks are exact). */
export class AddressCounts {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number = CONNECTIONS_PER_ADDRESS_MAX) {}

  full(address: string): boolean {
    return (this.counts.get(address) ?? 0) >= this.max;
  }

  opened(address: string): void {
    this.counts.set(address, (this.counts.get(address) ?? 0) + 1);
  }

  closed(address: string): void {
    const left = (this.counts.get(address) ?? 0) - 1;
    if (left > 0) this.counts.set(address, left);
    else this.counts.delete(address);
  }
}

type Res = import('uWebSockets.js').HttpResponse;
type Req = import('uWebSockets.js').HttpRequest;

export interface Admission {
  allowedOrigins: readonly string[] | null;
  counts: AddressCounts;
}

/** Checks an upgrade request (read at once: the request dies when the handler returns). Returns the client's
 * address when it may open, else answers 403 or 429 itself and returns null. */
export function admit(res: Res, req: Req, admission: Admission): string | null {
  const address = Buffer.from(res.getRemoteAddressAsText()).toString();
  let refusal: [string, string] | null = null;
  if (!originAllowed(req.getHeader('origin'), req.getHeader('host'), admission.allowedOrigins))
    refusal = ['403 Forbidden', 'Origin not allowed'];
  else if (admission.counts.full(address))
    refusal = ['429 Too Many Requests', `More than ${CONNECTIONS_PER_ADDRESS_MAX} connections from ${address}`];
  if (refusal === null) return address;
  const [status, text] = refusal;
  res.cork(() => res.writeStatus(status).writeHeader('content-type', 'text/plain').end(text));
  return null;
}
