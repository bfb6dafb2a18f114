// The same workload on Apache Kafka 4.x and 3.9.x: the scan must report the right version, metadata mode and
// feature levels for each, and the KIP-896 and KIP-848 answers that differ between them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConnectionOptions } from '../../src/commands/connection.js';
import { parseReadinessConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import type { Snapshot } from '../../src/gather/snapshot.js';
import { evaluateSnapshot, gatherFromCluster } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { cluster } from './cluster-context.js';

const c = cluster();

// An application inventory with one client that KIP-896 (Kafka 4.0) locks out, one that is fine everywhere.
const YAML = `
clients:
  - { app: permit-portal, library: confluent-kafka-python, version: 1.7.0 }
  - { app: case-worker, library: java, version: 3.7.0 }
requirements: [kip848-groups]
`;

interface Scanned {
  snapshot: Snapshot;
  report: Report;
}

async function scanWith(props: string): Promise<Scanned> {
  const config = parseReadinessConfig(YAML, 'versions.yaml');
  const snapshot = await gatherFromCluster(buildConnectionOptions({ commandConfig: props }));
  return { snapshot, report: evaluateSnapshot(snapshot, { config, registry: await buildRegistry(config) }) };
}

const check = (r: Report, id: string) => r.checks.find((x) => x.id === id)!;
let registry: Awaited<ReturnType<typeof buildRegistry>>;

describe('Kafka 4.x and 3.9.x side by side', () => {
  let v4: Scanned;
  let v39: Scanned;
  beforeAll(async () => {
    registry = await buildRegistry(parseReadinessConfig('{}', 'empty.yaml'));
    [v4, v39] = await Promise.all([scanWith(c.adminProps), scanWith(c.legacy.adminProps)]);
    const dir = mkdtempSync(path.join(c.workDir, 'versions-'));
    writeFileSync(path.join(dir, 'report-4.json'), JSON.stringify(v4.report, null, 2));
    writeFileSync(path.join(dir, 'report-3.9.json'), JSON.stringify(v39.report, null, 2));
  });

  it('guesses the release of each cluster from ApiVersions', () => {
    const guessed = (s: Scanned) => check(s.report, 'compatibility/broker-version').findings.length === 0 ? check(s.report, 'compatibility/broker-version') : null;
    expect(guessed(v4)?.status).toBe('pass');
    expect(guessed(v39)?.status).toBe('pass');
    // The guess itself: exact releases, per broker, from the real ApiVersions answers.
    const releases = (s: Scanned) => {
      const r = evaluateSnapshot(s.snapshot, { config: parseReadinessConfig('checks: { compatibility/broker-version: { options: { minimumRelease: "9.9" } } }', 'strict.yaml'), registry });
      return check(r, 'compatibility/broker-version').findings.map((f) => f.evidence?.observed);
    };
    expect(releases(v4)).toEqual(Array(3).fill(c.version.split('.').slice(0, 2).join('.')));
    expect(releases(v39)).toEqual(['3.9', '3.9', '3.9']);
    for (const s of [v4, v39]) expect(s.report.cluster.platform).toMatchObject({ platform: 'apache-kafka' });
  });

  it('reports KRaft mode and the finalized feature levels of each, and the unfinished 3.8 → 3.9 upgrade', () => {
    for (const s of [v4, v39]) expect(check(s.report, 'compatibility/metadata-mode').status).toBe('pass');
    const levels = (s: Scanned) => {
      const av = s.snapshot.artifacts.apiVersions;
      if (!av.ok) throw new Error('apiVersions missing');
      return Object.fromEntries(av.value.brokers['1']!.finalizedFeatures.map((f) => [f.name, f.max]));
    };
    const l4 = levels(v4);
    const l39 = levels(v39);
    expect(l39['metadata.version']).toBe(20); // formatted as 3.8-IV0 on 3.9.1 binaries
    expect(l4['metadata.version']).toBeGreaterThan(21);
    expect(l4['group.version']).toBeGreaterThanOrEqual(1); // KIP-848 consumer protocol is on by default in 4.x
    expect(l39['group.version'] ?? 0).toBe(0);
    expect(check(v4.report, 'compatibility/metadata-version-finalized').status).toBe('pass');
    const unfinished = check(v39.report, 'compatibility/metadata-version-finalized').findings[0]!;
    expect(unfinished.status).toBe('warn');
    expect(unfinished.message).toMatch(/metadata.version is finalized at 20 \(3\.8-IV0\) while every broker supports 21 \(3\.9-IV0\)/);
  });

  it('KIP-848 groups are available on 4.x only', () => {
    expect(check(v4.report, 'compatibility/required-features').status).toBe('pass');
    const f = check(v39.report, 'compatibility/required-features').findings[0]!;
    expect(f.resource.name).toBe('kip848-groups');
    expect(f.status).toBe('fail');
  });

  it('a client below the KIP-896 floor passes with a warning on 3.9 and fails on 4.x', () => {
    const entry = (s: Scanned, app: string) => check(s.report, 'compatibility/client-inventory').findings.find((f) => f.resource.name.startsWith(app));
    expect(entry(v39, 'permit-portal')?.status).toBe('warn');
    expect(entry(v4, 'permit-portal')?.status).toBe('fail');
    expect(entry(v4, 'case-worker')).toBeUndefined();
    expect(entry(v39, 'case-worker')).toBeUndefined();
  });
});
