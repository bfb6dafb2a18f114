// The first-run ergonomics: one duration syntax, --command-property, did-you-mean, the progress status line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConnectionOptions } from '../../src/commands/connection.js';
import { createProgress, progressWanted } from '../../src/commands/progress.js';
import { parseCommandProperties } from '../../src/config/command-properties.js';
import { parseDuration as yamlDuration } from '../../src/config/readiness.js';
import { durationFlag, formatDuration, MAX_TIMER_MS, parseDuration } from '../../src/duration.js';
import { UsageError } from '../../src/errors.js';
import { didYouMean, editDistance, suggest } from '../../src/suggest.js';
import { builtInChecks } from '../../checks/index.js';
import { main } from '../../src/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kr-first-run-'));

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('one duration syntax', () => {
  it('parses ms, s, m, h, d (and a bare number of ms) the same for flags and readiness.yaml', () => {
    const cases: [string, number][] = [['500ms', 500], ['1500', 1500], ['30s', 30_000], ['1.5s', 1500], ['5m', 300_000], ['90min', 5_400_000], ['1h', 3_600_000], ['7d', 604_800_000], ['2w', 1_209_600_000], [' 10S ', 10_000]];
    for (const [text, ms] of cases) {
      expect(parseDuration(text), text).toBe(ms);
      expect(yamlDuration(text), text).toBe(ms);
    }
    for (const bad of ['soon', '-5s', '5 minutes', '1h30m', '', 's']) expect(parseDuration(bad), bad).toBeNull();
  });

  it('checks ranges per flag, and no timeout exceeds what a Node timer can hold', () => {
    expect(durationFlag('1h', '--observe', { min: 1000, max: 3_600_000 })).toBe(3_600_000);
    expect(durationFlag(undefined, '--observe', { fallback: 0 })).toBe(0);
    expect(errorOf(() => durationFlag('2h', '--observe', { min: 1000, max: 3_600_000 })).message).toBe('--observe must be from 1s to 1h (got "2h")');
    expect(errorOf(() => durationFlag('0', '--timeout', {}))).toBeInstanceOf(UsageError);
    expect(errorOf(() => durationFlag('soon', '--timeout', {})).message).toMatch(/^--timeout must be a duration like 500ms, 30s, 5m, 1h or 7d/);
    expect(durationFlag(`${MAX_TIMER_MS}`, '--timeout', {})).toBe(MAX_TIMER_MS);
    expect(errorOf(() => buildConnectionOptions({ bootstrapServer: 'h:1', requestTimeout: '25d' })).message).toMatch(/^--request-timeout must be from 1ms to/);
    expect(buildConnectionOptions({ bootstrapServer: 'h:1', timeout: '2m' })).toMatchObject({ connectTimeoutMs: 120_000, requestTimeoutMs: 120_000 });
    expect(formatDuration(90_500)).toBe('1m31s');
    expect(formatDuration(86_400_000 + 3_600_000)).toBe('1d1h');
  });
});

describe('--command-property', () => {
  it('adds and overrides client properties of --command-config', () => {
    const file = path.join(dir, 'client.properties');
    writeFileSync(file, 'bootstrap.servers=a:9092\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="file-secret";\n');
    const conn = buildConnectionOptions({ commandConfig: file, commandProperty: ['bootstrap.servers=b:9093,c:9093', 'sasl.mechanism=SCRAM-SHA-256'] }, {});
    expect(conn.bootstrap).toEqual(['b:9093', 'c:9093']);
    expect(conn.sasl).toMatchObject({ mechanism: 'SCRAM-SHA-256', username: 'u' });
    expect(conn.sasl?.password.reveal()).toBe('file-secret');
    // Without a file, properties alone describe the connection.
    expect(buildConnectionOptions({ commandProperty: ['bootstrap.servers=h:1', 'security.protocol=SSL', 'ssl.endpoint.identification.algorithm='] }, {})).toMatchObject({ securityProtocol: 'SSL', tls: { verifyHostname: false } });
    // A bad value is blamed on the flag, not on line 1 of the file.
    expect(errorOf(() => buildConnectionOptions({ commandConfig: file, commandProperty: ['security.protocol=TLS'] }, {})).message).toBe('--command-property security.protocol TLS is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL');
  });

  it('refuses secrets on the command line without echoing them, and malformed items', () => {
    for (const key of ['sasl.jaas.config', 'ssl.key.password', 'ssl.keystore.key', 'ssl.truststore.password', 'sasl.oauthbearer.client.secret', 'password']) {
      const err = errorOf(() => parseCommandProperties([`${key}=hunter2-secret`]));
      expect(err, key).toBeInstanceOf(UsageError);
      expect(err.message).toContain(`--command-property ${key}: secrets are not taken from the command line`);
      expect(err.message).not.toContain('hunter2');
    }
    expect(errorOf(() => parseCommandProperties(['client.id=x', 'hunter2'])).message).toBe('--command-property must be key=value (item 2 has no "=")');
    expect(errorOf(() => parseCommandProperties(['=x'])).message).toMatch(/must be key=value/);
    expect(parseCommandProperties(['ssl.truststore.certificates=a=b', 'client.id = x ']).get('ssl.truststore.certificates')).toBe('a=b');
  });
});

describe('did you mean', () => {
  const ids = builtInChecks.map((c) => c.meta.id);

  it('catches one-letter typos, swaps and a missing area in check ids', () => {
    expect(editDistance('factor', 'factr')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(suggest('replication/replication-factr', ids)).toEqual(['replication/replication-factor']);
    expect(suggest('replication/replicaiton-factor', ids)).toEqual(['replication/replication-factor']);
    expect(suggest('min-insync-replica', ids)).toEqual(['replication/min-insync-replicas']);
    expect(suggest('retention/replication-factor', ids)).toContain('replication/replication-factor');
    expect(didYouMean('zzzzzz', ids)).toBe('');
    expect(didYouMean('jsn', ['text', 'json', 'html'])).toBe(' (did you mean json?)');
  });

  it('in the CLI: checks --explain, formats, flags and commands', async () => {
    const run = async (...args: string[]) => {
      let out = '';
      let err = '';
      const io = { stdout: { write: (s: string) => ((out += s), true), on: () => undefined }, stderr: { write: (s: string) => ((err += s), true), on: () => undefined } } as unknown as Parameters<typeof main>[1];
      const code = await main(['node', 'kafka-readiness', ...args], io);
      return { code, out, err };
    };
    const explain = await run('checks', '--explain', 'replication/unclean-leader-electon');
    expect(explain).toMatchObject({ code: 2 });
    expect(explain.err).toContain('(did you mean replication/unclean-leader-election?)');
    expect((await run('evaluate', 'x.json', '--format', 'jsn')).err).toContain('unknown format "jsn" (did you mean json?)');
    const flag = await run('scan', '--bootstrap-sever', 'h:1');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('--bootstrap-server');
    expect((await run('evalute', 'x.json')).err).toContain('evaluate');
  });
});

describe('progress on stderr', () => {
  it('is wanted only on a terminal, and not with --quiet or --verbose', () => {
    expect(progressWanted({ isTTY: true }, {})).toBe(true);
    expect(progressWanted({ isTTY: false }, {})).toBe(false);
    expect(progressWanted({}, {})).toBe(false);
    expect(progressWanted({ isTTY: true }, { quiet: true })).toBe(false);
    expect(progressWanted({ isTTY: true }, { verbose: true })).toBe(false);
  });

  it('rewrites one status line: artifacts read, counts, elapsed, the observation countdown; then a summary', () => {
    let t = 1_000_000;
    let text = '';
    const p = createProgress({ isTTY: true, columns: 200, write: (s: string) => ((text += s), true) }, { target: 'h:9092', now: () => t, tickMs: 60_000 });
    p.onEvent({ type: 'start', name: 'metadata' });
    expect(text).toContain('connecting to h:9092 · 0s');
    t += 1200;
    p.onEvent({ type: 'done', name: 'metadata', ms: 1200, result: { brokers: [1, 2, 3], topics: [1, 2] } });
    p.onEvent({ type: 'start', name: 'topicConfigs' });
    p.onEvent({ type: 'start', name: 'groups' });
    expect(text).toContain('reading topicConfigs, groups · 1/3 artifacts · 3 brokers, 2 topics · 1s');
    p.onEvent({ type: 'done', name: 'groups', ms: 5, result: { groups: { ok: true, value: [{}, {}] } } });
    expect(text).toContain('2/3 artifacts · 3 brokers, 2 topics, 2 groups');
    p.onEvent({ type: 'wait', sample: 2, of: 3, dueAt: t + 30_000, endsAt: t + 60_000 });
    expect(text).toContain('observing: sample 2/3 in 30s, 1m of the window left');
    t += 90_000;
    p.finish('gathered 15 artifacts with 40 requests');
    expect(text.endsWith('\r\x1b[2Kgathered 15 artifacts with 40 requests in 1m31s\n')).toBe(true);
    expect(text.split('\r\x1b[2K').length).toBeGreaterThan(5);
  });

  it('writes nothing when nothing happened', () => {
    let text = '';
    createProgress({ write: (s: string) => ((text += s), true) }, { target: 'h:1' }).finish('done');
    expect(text).toBe('');
  });
});
