// @ts-check
// WebSocket client of the engine: JSON request/reply pipelined by id, pushes by topic, reconnect with backoff, session resume.
import { pushEvents } from './push-events.js';

const TOKEN_KEY = 'aidstock.token';
/** The workplace this tab acts for (session.setWorkplace), sent again after every reconnect. */
const WORKPLACE_KEY = 'aidstock.workplace';
const BACKOFF_FIRST_MS = 300;
const BACKOFF_MAX_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** A command refused `read_only` keeps following the named primary this long (a failover takes a lease's TTL). */
const FAILOVER_WAIT_MS = 15_000;
const FAILOVER_RETRY_MS = 300;
/** Reads that are safe to send again after the connection dropped mid-request; commands are not. */
const RESENDABLE = /^(catalog|stock|register|patient|individual)\.|\.(get|list|search|quote)$/;

/** A rejected call: `code` is the engine's stable error code (or connection_lost / timeout). */
export class ApiError extends Error {
  /**
   * @param {string} code
   * @param {string} [message]
   * @param {unknown} [issues]  zod's issues of an invalid_request
   */
  constructor(code, message, issues) {
    super(message || code);
    this.name = 'ApiError';
    this.code = code;
    /** @type {unknown} */
    this.issues = undefined;
    if (issues) this.issues = issues;
  }
}

/** @type {string | null} */
let url = null;
/**
 * Issue 17: the WebSocket URLs of every node of a primary/standby set (GET /auth/config `nodes`), empty for a single
 * node. A dropped connection tries the next one; a standby's `read_only` names the primary, which the call moves to.
 * @type {string[]}
 */
let nodeUrls = [];
let nodesAsked = false;
/** The socket closes to move to the primary: reconnect there at once, without the backoff or the next node. */
let primaryMove = false;
/** @type {WebSocket | null} */
let socket = null;
/** 'idle' (never connected) | 'connecting' | 'open' | 'reconnecting' */
let state = 'idle';
/** Socket open and the session (if any) resumed: calls go out directly. */
let ready = false;
let everOpened = false;
let attempt = 0;
/** @type {ReturnType<typeof setTimeout> | null} */
let retryTimer = null;
let nextId = 1;
/**
 * A call on its way: sent (in `pending`, answered by id) or waiting in the outbox.
 * @typedef {{ id: number, op: string, args: object, resolve: (result: any) => void, reject: (error: ApiError) => void,
 *   timer: ReturnType<typeof setTimeout> | undefined, refusedSinceMs?: number }} Job
 */

/** @type {Map<number, Job>} id → the call sent with that id */
const pending = new Map();
/** Calls made while not ready, sent in order once ready. */
/** @type {Job[]} */
const outbox = [];
/** @typedef {(event: any, topic: string) => void} PushHandler */

/** @type {Map<string, Set<PushHandler>>} topic → its handlers */
const topics = new Map();
/** @type {Map<string, Set<(value: any) => void>>} event name → its listeners */
const listeners = new Map();
/** @type {Array<() => void>} */
const readyWaiters = [];

function defaultUrl() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/**
 * A node's base URL (http(s)://host:port) as its WebSocket URL.
 * @param {string} base
 */
function wsUrlOf(base) {
  return `${base.replace(/^http/, 'ws').replace(/\/+$/, '')}/ws`;
}

/** Learn the other nodes once (best effort: without them reconnects stay on this page's own node). */
function askNodes() {
  if (nodesAsked || typeof fetch !== 'function') return;
  nodesAsked = true;
  fetch('/auth/config', { cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : null))
    .then((config) => {
      const nodes = Array.isArray(config?.nodes)
        ? config.nodes.filter((/** @type {unknown} */ n) => typeof n === 'string')
        : [];
      nodeUrls = nodes.map(wsUrlOf);
    })
    .catch(() => {});
}

/** After a drop: the next node of the set (the one that leads now may be another), or the same URL without a set. */
function nextUrl() {
  if (nodeUrls.length === 0 || url === null) return;
  const at = nodeUrls.indexOf(url);
  url = nodeUrls[(at + 1) % nodeUrls.length];
}

/**
 * A node answered `read_only` naming the primary: the call did not run. Send it again there; while the lease changes
 * hands (the named primary is dead, or is still taking over) keep trying for FAILOVER_WAIT_MS, then give the refusal
 * to the caller. The socket moves when no command waits on it any more (those would come back `read_only` too and
 * move with it). `primary` null means it may have run, or no node leads: the caller decides.
 * @param {Job} job
 * @param {unknown} primary  the primary's base URL
 * @returns {boolean}  whether the call is sent again
 */
function moveToPrimary(job, primary) {
  if (typeof primary !== 'string' || primary === '') return false;
  const now = Date.now();
  job.refusedSinceMs ??= now;
  if (now - job.refusedSinceMs > FAILOVER_WAIT_MS) return false;
  outbox.push(job);
  outbox.sort((a, b) => a.id - b.id);
  const target = wsUrlOf(primary);
  if (target === url) {
    // This node names itself: it is taking the lease over. Send the waiting calls again in a moment.
    setTimeout(() => {
      if (ready && socket !== null) for (const waiting of outbox.splice(0)) transmit(waiting);
    }, FAILOVER_RETRY_MS);
    return true;
  }
  url = target;
  primaryMove = true;
  if (![...pending.values()].some((other) => !RESENDABLE.test(other.op))) socket?.close(1000, 'to the primary');
  return true;
}

/**
 * @param {string} event
 * @param {unknown} [value]
 */
function emit(event, value) {
  for (const fn of listeners.get(event) ?? []) {
    try {
      fn(value);
    } catch (error) {
      console.error(error);
    }
  }
}

/** @param {string} next */
function setState(next) {
  if (state === next) return;
  state = next;
  emit('state', next);
}

/**
 * Listen to 'state' (connection state), 'session' ({ user } or { user: null, expired }), 'reconnected'. Returns off().
 * @param {'state' | 'session' | 'reconnected'} event
 * @param {(value: any) => void} fn
 * @returns {() => void}
 */
export function on(event, fn) {
  let set = listeners.get(event);
  if (set === undefined) {
    set = new Set();
    listeners.set(event, set);
  }
  set.add(fn);
  return () => listeners.get(event)?.delete(fn);
}

export function connectionState() {
  return state;
}

export function getToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** @param {string | null} token */
function setToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage unavailable: the session lives as long as the connection */
  }
}

/** The workplace chosen in this tab, or null (the user's first). */
export function getWorkplace() {
  try {
    return sessionStorage.getItem(WORKPLACE_KEY);
  } catch {
    return null;
  }
}

/** @param {string | null} workplaceId */
function storeWorkplace(workplaceId) {
  try {
    if (workplaceId) sessionStorage.setItem(WORKPLACE_KEY, workplaceId);
    else sessionStorage.removeItem(WORKPLACE_KEY);
  } catch {
    /* storage unavailable: the choice lives as long as the connection */
  }
}

/**
 * Act for one of the user's workplaces (and so its care provider) from now on, also after reconnects.
 * @param {string} workplaceId
 */
export async function setWorkplace(workplaceId) {
  await call('session.setWorkplace', { workplaceId });
  storeWorkplace(workplaceId);
}

/**
 * Open the connection (once); resolves when it is ready for calls. Later drops reconnect on their own.
 * @param {string} [target]
 * @returns {Promise<void>}
 */
export function connect(target) {
  if (target) url = target;
  if (url === null) url = defaultUrl();
  askNodes();
  if (state === 'idle') openSocket();
  if (ready) return Promise.resolve();
  return new Promise((resolve) => readyWaiters.push(resolve));
}

function openSocket() {
  retryTimer = null;
  setState(everOpened ? 'reconnecting' : 'connecting');
  let ws;
  try {
    ws = new WebSocket(url ?? defaultUrl());
  } catch {
    scheduleReconnect();
    return;
  }
  socket = ws;
  ws.onopen = () => {
    if (socket !== ws) return;
    attempt = 0;
    void afterOpen(ws);
  };
  ws.onmessage = (message) => {
    if (socket === ws) onFrame(message.data);
  };
  ws.onclose = () => {
    if (socket !== ws) return;
    socket = null;
    ready = false;
    dropInFlight();
    if (everOpened) setState('reconnecting');
    if (primaryMove) {
      primaryMove = false;
      openSocket();
      return;
    }
    nextUrl();
    scheduleReconnect();
  };
  ws.onerror = () => {
    /* a close event follows */
  };
}

function scheduleReconnect() {
  if (retryTimer !== null) return;
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** attempt);
  attempt++;
  const delay = Math.round(base * (0.75 + Math.random() * 0.5));
  retryTimer = setTimeout(openSocket, delay);
}

/**
 * Resume the session, subscribe the topics again, then send what waited.
 * @param {WebSocket} ws
 */
async function afterOpen(ws) {
  const token = getToken();
  if (token) {
    try {
      const result = await send('session.resume', { token });
      // A new connection acts for the user's first workplace until told otherwise: restore the choice first.
      const workplaceId = getWorkplace();
      if (workplaceId) await send('session.setWorkplace', { workplaceId }).catch(() => storeWorkplace(null));
      emit('session', { user: result.user });
    } catch (error) {
      if (socket !== ws) return; // dropped again while resuming; the next open tries again
      if (error instanceof ApiError && error.code === 'unauthorized') {
        setToken(null);
        topics.clear();
        emit('session', { user: null, expired: true });
      }
    }
  }
  if (socket !== ws) return;
  if (getToken()) {
    for (const topic of topics.keys()) send('subscribe', { topic }).catch(() => {});
  }
  ready = true;
  const wasReconnect = everOpened;
  everOpened = true;
  for (const job of outbox.splice(0)) transmit(job);
  setState('open');
  for (const resolve of readyWaiters.splice(0)) resolve();
  if (wasReconnect) emit('reconnected');
}

/** @param {Job} job */
function transmit(job) {
  pending.set(job.id, job);
  job.timer = setTimeout(() => {
    pending.delete(job.id);
    job.reject(new ApiError('timeout', 'Servern svarade inte i tid.'));
  }, REQUEST_TIMEOUT_MS);
  // Only called with the socket open (ready, or while resuming on it).
  /** @type {WebSocket} */ (socket).send(JSON.stringify({ id: job.id, op: job.op, args: job.args }));
}

/**
 * Send now on the open socket (used for resume and re-subscribe before the outbox is released).
 * @param {string} op
 * @param {object} args
 * @returns {Promise<any>}
 */
function send(op, args) {
  return new Promise((resolve, reject) => {
    transmit({ id: nextId++, op, args, resolve, reject, timer: undefined });
  });
}

/** The connection dropped: reads wait for the next connection, everything else fails (it may or may not have run). */
function dropInFlight() {
  const jobs = [...pending.values()].sort((a, b) => a.id - b.id);
  pending.clear();
  for (const job of jobs) {
    clearTimeout(job.timer);
    if (RESENDABLE.test(job.op)) outbox.push(job);
    else if (job.op !== 'session.resume' && job.op !== 'subscribe' && job.op !== 'unsubscribe') {
      job.reject(new ApiError('connection_lost', 'Anslutningen bröts innan svaret kom. Kontrollera och försök igen.'));
    } else job.reject(new ApiError('connection_lost', 'Anslutningen bröts.'));
  }
  outbox.sort((a, b) => a.id - b.id);
}

/** @param {string} data */
function onFrame(data) {
  let frame;
  try {
    frame = JSON.parse(data);
  } catch {
    return;
  }
  if (frame === null || typeof frame !== 'object') return;
  if (typeof frame.topic === 'string' && !('id' in frame)) {
    const events = pushEvents(frame.event);
    for (const handler of [...(topics.get(frame.topic) ?? [])]) {
      for (const event of events) {
        try {
          handler(event, frame.topic);
        } catch (error) {
          console.error(error);
        }
      }
    }
    return;
  }
  const job = pending.get(frame.id);
  if (job === undefined) return;
  pending.delete(frame.id);
  clearTimeout(job.timer);
  if (frame.ok) job.resolve(frame.result);
  else {
    const error = frame.error ?? {};
    if (error.code === 'read_only' && moveToPrimary(job, error.primary)) return;
    job.reject(new ApiError(error.code ?? 'internal', error.message, error.issues));
  }
}

/**
 * Call an op; resolves with its result or rejects with an ApiError. Calls are pipelined and answered by id.
 * The engine's replies have no zod schema (schemas/ types the arguments): the result is `any` at this boundary,
 * and each caller names the view it reads (lib/types.d.ts).
 * @param {string} op
 * @param {object} [args]
 * @returns {Promise<any>}
 */
export function call(op, args = {}) {
  if (state === 'idle') connect();
  return new Promise((resolve, reject) => {
    /** @type {Job} */
    const job = { id: nextId++, op, args, resolve, reject, timer: undefined };
    if (ready && socket !== null) transmit(job);
    else outbox.push(job);
  });
}

/**
 * Receive pushes on a topic; returns a function that stops them. Topics are subscribed again after a reconnect.
 * @param {string} topic
 * @param {PushHandler} handler
 * @returns {() => void}
 */
export function subscribe(topic, handler) {
  let handlers = topics.get(topic);
  if (handlers === undefined) {
    handlers = new Set();
    topics.set(topic, handlers);
    if (ready) send('subscribe', { topic }).catch(() => {});
  }
  handlers.add(handler);
  return () => {
    const current = topics.get(topic);
    if (current === undefined || !current.delete(handler) || current.size > 0) return;
    topics.delete(topic);
    if (ready) send('unsubscribe', { topic }).catch(() => {});
  };
}

/**
 * Sign in; keeps the token for session.resume after reconnects and reloads. Resolves with the user.
 * @param {string} username
 * @param {string} password
 * @returns {Promise<import("./types.d.ts").User>}
 */
export async function login(username, password) {
  const result = await call('session.login', { username, password });
  setToken(result.token);
  storeWorkplace(null);
  return result.user;
}

/**
 * After OIDC sign-in: exchange the one-time code from the callback for the session (as login). Resolves with the user.
 * @param {string} code
 * @returns {Promise<import("./types.d.ts").User>}
 */
export async function exchange(code) {
  const result = await call('session.exchange', { code });
  setToken(result.token);
  return result.user;
}

/** Logout everywhere: every session of the user ends (other devices and tabs too); this tab forgets its token. */
export async function logoutAll() {
  topics.clear();
  try {
    await call('session.logoutAll', {});
  } finally {
    setToken(null);
  }
}

/**
 * Resume the session of this browser tab (after a reload); resolves with the user or null.
 * @returns {Promise<import("./types.d.ts").User | null>}
 */
export async function resume() {
  const token = getToken();
  if (!token) return null;
  try {
    const result = await call('session.resume', { token });
    return result.user;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthorized') setToken(null);
    return null;
  }
}

/** Sign out: stop every subscription of this connection, end the session, forget the token. */
export async function logout() {
  const open = [...topics.keys()];
  topics.clear();
  if (ready) for (const topic of open) send('unsubscribe', { topic }).catch(() => {});
  try {
    await call('session.logout', {});
  } catch {
    /* the token is forgotten anyway */
  }
  setToken(null);
  storeWorkplace(null);
}

// Come back at once when the network returns instead of waiting out the backoff.
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    if (retryTimer !== null && socket === null) {
      clearTimeout(retryTimer);
      attempt = 0;
      openSocket();
    }
  });
}
