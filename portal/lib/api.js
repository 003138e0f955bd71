// WebSocket client of the engine: JSON request/reply pipelined by id, pushes by topic, reconnect with backoff, session resume.
import { pushEvents } from './push-events.js';

const TOKEN_KEY = 'aidstock.token';
const BACKOFF_FIRST_MS = 300;
const BACKOFF_MAX_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** Reads that are safe to send again after the connection dropped mid-request; commands are not. */
const RESENDABLE = /^(catalog|stock|register|patient|individual)\.|\.(get|list|search|quote)$/;

/** A rejected call: `code` is the engine's stable error code (or connection_lost / timeout). */
export class ApiError extends Error {
  constructor(code, message, issues) {
    super(message || code);
    this.name = 'ApiError';
    this.code = code;
    if (issues) this.issues = issues;
  }
}

let url = null;
let socket = null;
/** 'idle' (never connected) | 'connecting' | 'open' | 'reconnecting' */
let state = 'idle';
/** Socket open and the session (if any) resumed: calls go out directly. */
let ready = false;
let everOpened = false;
let attempt = 0;
let retryTimer = null;
let nextId = 1;
/** id → { op, args, resolve, reject, timer } */
const pending = new Map();
/** Calls made while not ready, sent in order once ready. */
const outbox = [];
/** topic → Set of handlers */
const topics = new Map();
/** event name → Set of listeners */
const listeners = new Map();
const readyWaiters = [];

function defaultUrl() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

function emit(event, value) {
  for (const fn of listeners.get(event) ?? []) {
    try {
      fn(value);
    } catch (error) {
      console.error(error);
    }
  }
}

function setState(next) {
  if (state === next) return;
  state = next;
  emit('state', next);
}

/** Listen to 'state' (connection state), 'session' ({ user } or { user: null, expired }), 'reconnected'. Returns off(). */
export function on(event, fn) {
  if (!listeners.has(event)) listeners.set(event, new Set());
  listeners.get(event).add(fn);
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

function setToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage unavailable: the session lives as long as the connection */
  }
}

/** Open the connection (once); resolves when it is ready for calls. Later drops reconnect on their own. */
export function connect(target) {
  if (target) url = target;
  if (url === null) url = defaultUrl();
  if (state === 'idle') openSocket();
  if (ready) return Promise.resolve();
  return new Promise((resolve) => readyWaiters.push(resolve));
}

function openSocket() {
  retryTimer = null;
  setState(everOpened ? 'reconnecting' : 'connecting');
  let ws;
  try {
    ws = new WebSocket(url);
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

/** Resume the session, subscribe the topics again, then send what waited. */
async function afterOpen(ws) {
  const token = getToken();
  if (token) {
    try {
      const result = await send('session.resume', { token });
      emit('session', { user: result.user });
    } catch (error) {
      if (socket !== ws) return; // dropped again while resuming; the next open tries again
      if (error.code === 'unauthorized') {
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

function transmit(job) {
  pending.set(job.id, job);
  job.timer = setTimeout(() => {
    pending.delete(job.id);
    job.reject(new ApiError('timeout', 'Servern svarade inte i tid.'));
  }, REQUEST_TIMEOUT_MS);
  socket.send(JSON.stringify({ id: job.id, op: job.op, args: job.args }));
}

/** Send now on the open socket (used for resume and re-subscribe before the outbox is released). */
function send(op, args) {
  return new Promise((resolve, reject) => {
    transmit({ id: nextId++, op, args, resolve, reject, timer: null });
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
    job.reject(new ApiError(error.code ?? 'internal', error.message, error.issues));
  }
}

/** Call an op; resolves with its result or rejects with an ApiError. Calls are pipelined and answered by id. */
export function call(op, args = {}) {
  if (state === 'idle') connect();
  return new Promise((resolve, reject) => {
    const job = { id: nextId++, op, args, resolve, reject, timer: null };
    if (ready && socket !== null) transmit(job);
    else outbox.push(job);
  });
}

/** Receive pushes on a topic; returns a function that stops them. Topics are subscribed again after a reconnect. */
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

/** Sign in; keeps the token for session.resume after reconnects and reloads. Resolves with the user. */
export async function login(username, password) {
  const result = await call('session.login', { username, password });
  setToken(result.token);
  return result.user;
}

/** Resume the session of this browser tab (after a reload); resolves with the user or null. */
export async function resume() {
  const token = getToken();
  if (!token) return null;
  try {
    const result = await call('session.resume', { token });
    return result.user;
  } catch (error) {
    if (error.code === 'unauthorized') setToken(null);
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
