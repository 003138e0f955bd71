// Unit tests of the /ws admission rules and the portal's CSP: Origin against the allow-list or the request's own host,
// the per-address counts, and the import map's hash.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, portalPolicy } from '../engine/io/http-security.ts';
import { AddressCounts, allowedOriginsFromEnv, originAllowed } from '../engine/io/ws-admission.ts';

describe('originAllowed', () => {
  it('without a list: no Origin, or the Host the request went to', () => {
    expect(originAllowed('', 'localhost:8080', null)).toBe(true);
    expect(originAllowed('http://localhost:8080', 'localhost:8080', null)).toBe(true);
    expect(originAllowed('HTTP://LocalHost:8080/', 'localhost:8080', null)).toBe(true);
    expect(originAllowed('http://localhost:8081', 'localhost:8080', null)).toBe(false);
    expect(originAllowed('https://evil.example', 'localhost:8080', null)).toBe(false);
    expect(originAllowed('null', 'localhost:8080', null)).toBe(false);
    expect(originAllowed('http://localhost:8080', '', null)).toBe(false);
  });

  it('with ALLOWED_ORIGINS: exactly the listed origins', () => {
    const list = allowedOriginsFromEnv(' https://hmc.example.se/ ,http://localhost:3000');
    expect(list).toEqual(['https://hmc.example.se', 'http://localhost:3000']);
    expect(originAllowed('https://hmc.example.se', 'engine:8080', list)).toBe(true);
    expect(originAllowed('https://HMC.example.se', 'engine:8080', list)).toBe(true);
    expect(originAllowed('http://engine:8080', 'engine:8080', list)).toBe(false);
    expect(originAllowed('https://hmc.example.se.evil.example', 'engine:8080', list)).toBe(false);
    expect(originAllowed('', 'engine:8080', list)).toBe(true);
    expect(allowedOriginsFromEnv('')).toBeNull();
    expect(allowedOriginsFromEnv(undefined)).toBeNull();
  });
});

describe('AddressCounts', () => {
  it('is full at the cap per address and frees a place on close', () => {
    const counts = new AddressCounts(2);
    counts.opened('10.0.0.1');
    expect(counts.full('10.0.0.1')).toBe(false);
    counts.opened('10.0.0.1');
    expect(counts.full('10.0.0.1')).toBe(true);
    expect(counts.full('10.0.0.2')).toBe(false);
    counts.closed('10.0.0.1');
    expect(counts.full('10.0.0.1')).toBe(false);
  });
});

describe('portal CSP', () => {
  it('allows the inline import map by its hash and nothing else inline', () => {
    const map = '\n    {"imports": {"preact": "/vendor/preact.mjs"}}\n  ';
    const html = `<head><script type="importmap">${map}</script><script type="module" src="/app.js"></script></head>`;
    const hash = `'sha256-${createHash('sha256').update(map).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([hash]);
    const policy = portalPolicy(html);
    expect(policy).toContain(`script-src 'self' ${hash}`);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe');
    expect(policy).toContain("connect-src 'self';");
  });

  it('lets the portal open the WebSocket of every node of a primary/standby set, and nothing else of theirs', () => {
    const policy = portalPolicy(undefined, ['http://a.example:8080', 'https://b.example']);
    expect(policy).toContain("connect-src 'self' ws://a.example:8080/ws wss://b.example/ws;");
    expect(policy).toContain("default-src 'self';");
  });
});
