// A realistic report for the HTML / Markdown renderer tests: built-in checks over a snapshot with faults, a
// hostile topic name, a denied artifact (unknown checks, missing permission) and active/expired/unused waivers.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Snapshot } from '../../src/gather/snapshot.js';
import { defaultConfig } from '../../src/config/readiness.js';
import { buildRegistry } from '../../src/engine/registry.js';
import { evaluateSnapshot } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { renderJson } from '../../src/report/renderers/json.js';
import { cfg, makeSnapshot, TOPIC_DEFAULTS, topicInfo } from '../helpers/snapshot.js';

export const HOSTILE_TOPIC = '<script>alert(1)</script>&"x"';

const rf3 = [{ replicas: [1, 2, 3] }, { replicas: [2, 3, 1] }, { replicas: [3, 1, 2] }];

export async function realisticReport(opts: { waivers?: boolean; deniedAcls?: boolean } = {}): Promise<Report> {
  const config = defaultConfig();
  if (opts.waivers ?? true) {
    config.waivers.push(
      { check: 'replication/replication-factor', resource: 'payments.*', reason: 'single-AZ pilot, accepted by CISO', owner: 'team-payments', ticket: 'SEC-101', expires: '2099-12-31' },
      { check: 'retention/infinite-retention', resource: 'audit.log', reason: 'legal hold | keep forever', owner: 'records-office', ticket: 'LEGAL-7', expires: '2020-01-31' },
      { check: 'acl/super-users', resource: '*', reason: 'never matched', owner: 'platform', ticket: 'OPS-9', expires: '2099-01-01' },
    );
  }
  const topics = [
    topicInfo('orders', rf3),
    topicInfo(HOSTILE_TOPIC, [{ replicas: [1] }]),
    topicInfo('payments.events', [{ replicas: [1, 2] }, { replicas: [2, 3] }]),
    topicInfo('legacy.unclean', rf3),
    topicInfo('audit.log', rf3),
  ];
  const topicConfigs = {
    orders: cfg(TOPIC_DEFAULTS),
    [HOSTILE_TOPIC]: cfg(TOPIC_DEFAULTS),
    'payments.events': cfg({ ...TOPIC_DEFAULTS, 'min.insync.replicas': '1' }),
    'legacy.unclean': { ...cfg(TOPIC_DEFAULTS), ...cfg({ 'unclean.leader.election.enable': 'true' }, 'topic') },
    'audit.log': { ...cfg(TOPIC_DEFAULTS), ...cfg({ 'retention.ms': '-1' }, 'topic') },
  };
  const offsets = Object.fromEntries(topics.map((t) => [t.name, Object.fromEntries(t.partitions.map((p) => [String(p.partition), { earliest: '0', latest: '10' }]))]));
  const snapshot = makeSnapshot({
    topics: { ok: true, value: topics },
    topicConfigs: { ok: true, value: topicConfigs },
    offsets: { ok: true, value: offsets },
    ...((opts.deniedAcls ?? true)
      ? { acls: { ok: false, error: { reason: 'denied', message: 'DescribeAcls failed with CLUSTER_AUTHORIZATION_FAILED', api: 'DescribeAcls' } } }
      : {}),
  });
  snapshot.stats = { requests: { ApiVersions: 3, Metadata: 2, DescribeConfigs: 4, DescribeAcls: 1, ListOffsets: 6 }, totalRequests: 16, artifactMs: { topics: 12 }, durationMs: 412 };
  const report = evaluateSnapshot(snapshot, { config, registry: await buildRegistry(config) }, { generatedAt: '2026-11-22T12:05:00.000Z' });
  return report;
}

/** The digest a caller passes to renderHtml: sha256 over the exact bytes of the JSON rendering. */
export function jsonDigest(report: Report): string {
  return createHash('sha256').update(renderJson(report)).digest('hex');
}

/**
 * The demo's report: the snapshot `npm run demo` gathered from the real seeded 3-broker cluster (Kafka 4.1.1,
 * SASL/SCRAM, faults seeded by scripts/seed.mjs), stored gzipped, evaluated with the built-in defaults.
 */
export const DEMO_SNAPSHOT = fileURLToPath(new URL('../fixtures/demo-snapshot.json.gz', import.meta.url));

export function demoSnapshot(): Snapshot {
  return JSON.parse(gunzipSync(readFileSync(DEMO_SNAPSHOT)).toString('utf8')) as Snapshot;
}

export async function demoReport(opts: { generatedAt?: string } = {}): Promise<Report> {
  const config = defaultConfig();
  return evaluateSnapshot(demoSnapshot(), { config, registry: await buildRegistry(config) }, { generatedAt: opts.generatedAt ?? '2026-12-02T10:15:00.000Z' });
}
