// uWS 20.30 terminates the whole process ("Returning from a request handler without responding…") when a handler
// returns on a connection the peer reset while pipelined answers were still queued, unless the response carries
// an abort handler. Our handlers answer synchronously, so there is nothing to cancel: every handler attaches this
// no-op first. Reproduced by `test/search-api.process.test.ts` (64 pipelined requests, RST at the first byte).
// A handler that answers later (an upload, http-attachments.ts) attaches a real one and checks it before replying.
type Res = import('uWebSockets.js').HttpResponse;

function ignoreAbort(): void {}

export function guardAbort(res: Res): void {
  res.onAborted(ignoreAbort);
}
