import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NETWORK_TIMEOUT_MS, parseMs } from '../../src/commands/connection.js';
import { MAX_TIMER_MS } from '../../src/duration.js';
import { checkOutputFlags, checkWritable, parseFormats } from '../../src/commands/output.js';
import { readReportFile } from '../../src/commands/report-file.js';
import { readSnapshotFile } from '../../src/pipeline.js';
import { makeSnapshot } from '../helpers/snapshot.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-limits-'));
writeFileSync(path.join(dir, 'afile'), 'x');
mkdirSync(path.join(dir, 'adir'));

describe('output paths are checked before any work, and nothing is created', () => {
  it('accepts new files in writable folders, existing files, and missing folders under a writable one', () => {
    expect(() => checkWritable(path.join(dir, 'new.json'), 'file', '-o')).not.toThrow();
    expect(() => checkWritable(path.join(dir, 'afile'), 'file', '-o')).not.toThrow();
    expect(() => checkWritable(path.join(dir, 'a', 'b', 'r.json'), 'file', '-o')).not.toThrow();
    expect(() => checkWritable(path.join(dir, 'out'), 'dir', '--out-dir')).not.toThrow();
    expect(existsSync(path.join(dir, 'a'))).toBe(false);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
  it('rejects a directory as a file, a file as a directory, a path through a file, and an empty path', () => {
    expect(() => checkWritable(path.join(dir, 'adir'), 'file', '-o')).toThrow(/-o .*adir: is a directory/);
    expect(() => checkWritable(path.join(dir, 'afile'), 'dir', '--out-dir')).toThrow(/exists and is not a directory/);
    expect(() => checkWritable(path.join(dir, 'afile', 'x', 'r.json'), 'file', '--snapshot-out')).toThrow(/afile is not a directory|ENOTDIR/);
    expect(() => checkWritable('', 'file', '-o')).toThrow(/the path is empty/);
    expect(() => checkOutputFlags({ format: 'json', output: path.join(dir, 'adir') })).toThrow(/is a directory/);
  });
  it('an empty --format is an error, not a report in no format', () => {
    expect(() => parseFormats('')).toThrow(/--format needs at least one format/);
    expect(() => parseFormats(' , ')).toThrow(/--format needs at least one format/);
    expect(parseFormats('TEXT,json,')).toEqual(['text', 'json']);
  });
});

describe('timeouts fit Node timers', () => {
  it('rejects more than 10 minutes (so never 2^31 ms), zero and what rounds to zero', () => {
    expect(MAX_NETWORK_TIMEOUT_MS).toBeLessThan(MAX_TIMER_MS);
    expect(parseMs('10m', '--timeout', 1)).toBe(MAX_NETWORK_TIMEOUT_MS);
    expect(() => parseMs(String(MAX_NETWORK_TIMEOUT_MS + 1), '--timeout', 1)).toThrow(/--timeout must be from 1ms to 10m/);
    expect(() => parseMs(String(2 ** 31), '--timeout', 1)).toThrow(/must be from/);
    expect(() => parseMs('35792m', '--request-timeout', 1)).toThrow(/must be from/);
    expect(() => parseMs('0', '--timeout', 1)).toThrow(/must be from/);
    expect(() => parseMs('0.0001', '--timeout', 1)).toThrow(/must be from/);
  });
});

describe('snapshots and reports read back are checked for shape', () => {
  const write = (name: string, data: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify(data));
    return file;
  };
  it('names the first field that does not fit', async () => {
    const s = makeSnapshot() as unknown as { artifacts: Record<string, unknown>; target: Record<string, unknown> };
    await expect(readSnapshotFile(write('ok.json', s))).resolves.toBeTruthy();
    const badOffsets = structuredClone(s);
    badOffsets.artifacts.offsets = { ok: true, value: { orders: { '0': { earliest: 'zero', latest: '5' } } } };
    await expect(readSnapshotFile(write('o.json', badOffsets))).rejects.toThrow(/not a usable kafka-readiness snapshot: snapshot\.artifacts\.offsets\.value\.orders\.0\.earliest must be a decimal offset string/);
    const badTarget = structuredClone(s);
    badTarget.target.bootstrap = 'host:1';
    await expect(readSnapshotFile(write('t.json', badTarget))).rejects.toThrow(/snapshot\.target\.bootstrap must be a list/);
    await expect(readSnapshotFile(write('arr.json', { snapshotVersion: 1, artifacts: [] }))).rejects.toThrow(/not a kafka-readiness snapshot/);
  });
  it('reports for diff', () => {
    expect(() => readReportFile(write('r.json', { reportVersion: 1, generatedAt: 'x', summary: { score: null, coverage: 'all', verdict: 'ready' }, checks: [] }))).toThrow(/report\.summary\.coverage must be a finite number/);
    expect(() => readReportFile(write('r2.json', { reportVersion: 1, generatedAt: 'x', summary: { score: 1, coverage: 1, verdict: 'ready' }, checks: [{ id: 'a/b', findings: [{ resource: 'topic x' }] }] }))).toThrow(/report\.checks\[0\]\.findings\[0\]\.resource must be an object/);
  });
});
