// Issue 17: READ_WORKERS as configFromEnv reads it: unset is one per core but the writer's (at least one), 0 keeps the
// single thread, anything else must be an integer up to READ_WORKERS_MAX.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../engine/config.ts';
import { NODE_URLS_MAX, READ_WORKERS_MAX } from '../schemas/limits.ts';

describe('READ_WORKERS', () => {
  it('defaults to cores − 1, at least 1', () => {
    const expected = Math.min(READ_WORKERS_MAX, Math.max(1, os.availableParallelism() - 1));
    expect(configFromEnv({}).readWorkers).toBe(expected);
    expect(configFromEnv({ READ_WORKERS: '' }).readWorkers).toBe(expected);
  });

  it('takes 0 (the single thread) up to the named maximum', () => {
    expect(configFromEnv({ READ_WORKERS: '0' }).readWorkers).toBe(0);
    expect(configFromEnv({ READ_WORKERS: '2' }).readWorkers).toBe(2);
    expect(configFromEnv({ READ_WORKERS: String(READ_WORKERS_MAX) }).readWorkers).toBe(READ_WORKERS_MAX);
  });

  it.each(['-1', '1.5', 'two', String(READ_WORKERS_MAX + 1)])('refuses %s, naming the range', (value) => {
    expect(() => configFromEnv({ READ_WORKERS: value })).toThrow(
      `READ_WORKERS must be an integer 0–${READ_WORKERS_MAX}, got ${value}`,
    );
  });
});

describe('NODE_URLS (issue 17: the nodes a portal reconnects through)', () => {
  it('is empty unset, and each node its origin', () => {
    expect(configFromEnv({}).nodeUrls).toEqual([]);
    expect(configFromEnv({ NODE_URLS: ' http://a.example:8080/ , https://b.example ' }).nodeUrls).toEqual([
      'http://a.example:8080',
      'https://b.example',
    ]);
  });

  it('refuses what is not an http(s) URL, and more than NODE_URLS_MAX nodes', () => {
    expect(() => configFromEnv({ NODE_URLS: 'ws://a.example/ws' })).toThrow(/not an http\(s\) URL/);
    expect(() => configFromEnv({ NODE_URLS: 'a.example' })).toThrow();
    const many = Array.from({ length: NODE_URLS_MAX + 1 }, (_, i) => `http://n${i}.example`).join(',');
    expect(() => configFromEnv({ NODE_URLS: many })).toThrow(/at most/);
  });
});
