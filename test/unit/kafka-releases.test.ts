import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApiVersionsArtifact } from '../../src/gather/snapshot.js';
import {
  FEATURE_LEVELS,
  FINGERPRINT_API_KEYS,
  KAFKA_RELEASES,
  METADATA_VERSION_LEVELS,
  MIN_METADATA_LEVEL_FOR_4X,
  NEWEST_KNOWN_RELEASE,
  type ApiVersionRange,
  type KafkaRelease,
  compareReleases,
  describeFeatureLevel,
  guessKafkaVersion,
  latestMetadataLevelOf,
  metadataVersionName,
  releaseForMetadataLevel,
} from '../../src/sdk/kafka-releases.js';

// Real ApiVersions answers (v4) captured from the project's 3-node test clusters with `kafka-readiness gather`.
function fixture(name: string): ApiVersionsArtifact {
  return JSON.parse(readFileSync(new URL(`../fixtures/apiversions/${name}.json`, import.meta.url), 'utf8')) as ApiVersionsArtifact;
}

function apisOf(rel: KafkaRelease, change: Record<number, number | null> = {}): ApiVersionRange[] {
  const apis: ApiVersionRange[] = [...rel.maxVersions].map(([key, max]) => ({ key, min: 0, max }));
  for (const [key, max] of Object.entries(change)) {
    const i = apis.findIndex((a) => a.key === Number(key));
    if (i >= 0) apis.splice(i, 1);
    if (max !== null) apis.push({ key: Number(key), min: 0, max });
  }
  return apis;
}

const rel = (version: string) => KAFKA_RELEASES.find((r) => r.version === version)!;

describe('guessKafkaVersion on captured brokers', () => {
  it.each([
    ['kafka-4.1.1', '4.1'],
    ['kafka-3.9.1', '3.9'],
  ])('%s is Kafka %s on every broker, with or without supportedFeatures', (name, expected) => {
    const artifact = fixture(name);
    expect(Object.keys(artifact.brokers)).toHaveLength(3);
    for (const broker of Object.values(artifact.brokers)) {
      expect(guessKafkaVersion(broker.apis)).toMatchObject({ version: expected, exact: true, candidates: [expected] });
      expect(guessKafkaVersion(broker.apis, broker.supportedFeatures).version).toBe(expected);
    }
  });

  it('does not rely on min versions: 4.1.1 still advertises Produce v0', () => {
    const broker = fixture('kafka-4.1.1').brokers['1']!;
    expect(broker.apis.find((a) => a.key === 0)).toMatchObject({ min: 0, max: 13 });
    const raised = broker.apis.map((a) => ({ ...a, min: a.key === 0 ? 3 : a.min }));
    expect(guessKafkaVersion(raised).version).toBe('4.1');
  });

  it('agrees with the metadata.version the software supports', () => {
    for (const [name, release] of [['kafka-4.1.1', '4.1'], ['kafka-3.9.1', '3.9']] as const) {
      const broker = fixture(name).brokers['2']!;
      const mv = broker.supportedFeatures.find((f) => f.name === 'metadata.version')!;
      expect(latestMetadataLevelOf(release)).toBe(mv.max);
      expect(releaseForMetadataLevel(mv.max)).toBe(release);
    }
  });
});

describe('guessKafkaVersion on the release table', () => {
  it('recognises every tabled release from its own row', () => {
    for (const r of KAFKA_RELEASES) {
      expect(guessKafkaVersion(apisOf(r))).toMatchObject({ version: r.version, exact: true, candidates: [r.version] });
    }
  });

  it('tells KRaft 3.3 from 3.4 only through supportedFeatures metadata.version', () => {
    const kraft33 = apisOf(rel('3.3'), { 4: null });
    expect(guessKafkaVersion(kraft33)).toMatchObject({ version: '3.3', exact: false, candidates: ['3.3', '3.4'] });
    expect(guessKafkaVersion(kraft33, [{ name: 'metadata.version', max: 8 }])).toMatchObject({ version: '3.4', exact: true });
    expect(guessKafkaVersion(kraft33, [{ name: 'metadata.version', max: 7 }])).toMatchObject({ version: '3.3', exact: true });
    // ZooKeeper brokers advertise LeaderAndIsr, whose max differs (6 vs 7).
    expect(guessKafkaVersion(apisOf(rel('3.4')))).toMatchObject({ version: '3.4', exact: true });
  });

  it('reports brokers newer than the table as ">= newest"', () => {
    const newer = apisOf(rel(NEWEST_KNOWN_RELEASE), { 0: 99 });
    const guess = guessKafkaVersion(newer);
    expect(guess).toMatchObject({ version: `>= ${NEWEST_KNOWN_RELEASE}`, exact: false, candidates: [NEWEST_KNOWN_RELEASE] });
    expect(guess.basis).toContain('Produce');
  });

  it('reports brokers older than the table as "< 2.0"', () => {
    // Kafka 1.1: Produce v5, Fetch v7.
    expect(guessKafkaVersion(apisOf(rel('2.0'), { 0: 5, 1: 7 }))).toMatchObject({ version: '< 2.0', exact: false });
  });

  it('places an in-between build between its neighbours', () => {
    const kraft39WithProduce12 = apisOf(rel('3.9'), { 4: null, 0: 12 });
    expect(guessKafkaVersion(kraft39WithProduce12)).toMatchObject({ version: '3.9', exact: false, candidates: ['3.9', '4.0'] });
  });

  it('falls back to the nearest release for Kafka-compatible servers', () => {
    const custom = apisOf(rel('3.9'), { 1: 20, 3: 5 });
    const guess = guessKafkaVersion(custom);
    expect(guess.exact).toBe(false);
    expect(guess.candidates).toContain('3.9');
    expect(guess.basis).toMatch(/no Kafka release matches/);
  });

  it('returns null when no fingerprint key is advertised', () => {
    expect(guessKafkaVersion([])).toEqual(expect.objectContaining({ version: null, exact: false, candidates: [] }));
    expect(guessKafkaVersion([{ key: 1000, min: 0, max: 1 }]).version).toBeNull();
  });
});

describe('release table', () => {
  it('covers 2.0 … 2.8, 3.0 … 3.9 and 4.0 onwards, in order, each with a source', () => {
    const versions = KAFKA_RELEASES.map((r) => r.version);
    for (const v of ['2.0', '2.8', '3.0', '3.9', '4.0', '4.1']) expect(versions).toContain(v);
    expect([...versions].sort(compareReleases)).toEqual(versions);
    for (const r of KAFKA_RELEASES) {
      expect(r.source).not.toBe('');
      for (const key of r.maxVersions.keys()) expect(FINGERPRINT_API_KEYS).toContain(key);
    }
  });

  it('never lowers a max version from one release to the next', () => {
    for (let i = 1; i < KAFKA_RELEASES.length; i++) {
      const [prev, cur] = [KAFKA_RELEASES[i - 1]!, KAFKA_RELEASES[i]!];
      for (const [key, max] of cur.maxVersions) {
        const before = prev.maxVersions.get(key);
        if (before !== undefined) expect(max, `${cur.version} key ${key}`).toBeGreaterThanOrEqual(before);
      }
    }
  });

  it('names each release latest metadata.version after the release itself', () => {
    for (const r of KAFKA_RELEASES.filter((x) => x.metadataVersionMax !== null)) {
      expect(releaseForMetadataLevel(r.metadataVersionMax!)).toBe(r.version);
    }
  });
});

describe('metadata.version levels and feature flags', () => {
  it('maps levels to names and releases', () => {
    expect(metadataVersionName(7)).toBe('3.3-IV3');
    expect(metadataVersionName(21)).toBe('3.9-IV0');
    expect(metadataVersionName(25)).toBe('4.0-IV3');
    expect(metadataVersionName(27)).toBe('4.1-IV1');
    expect(metadataVersionName(0)).toBeNull();
    expect(metadataVersionName(999)).toBeNull();
    expect(releaseForMetadataLevel(21)).toBe('3.9');
    expect(releaseForMetadataLevel(19)).toBe('3.7');
    expect(releaseForMetadataLevel(26)).toBe('4.1');
    expect(releaseForMetadataLevel(999)).toBeNull();
    expect(METADATA_VERSION_LEVELS[MIN_METADATA_LEVEL_FOR_4X]).toBe('3.3-IV3');
    expect(latestMetadataLevelOf('3.2')).toBeNull();
    expect(latestMetadataLevelOf('4.0.2')).toBe(25);
  });

  it('describes the features a real 4.1.1 cluster finalized', () => {
    const finalized = fixture('kafka-4.1.1').brokers['1']!.finalizedFeatures;
    const level = (name: string) => finalized.find((f) => f.name === name)!.max;
    expect(describeFeatureLevel('metadata.version', level('metadata.version'))).toBe('4.1-IV1');
    expect(describeFeatureLevel('group.version', level('group.version'))).toMatch(/KIP-848/);
    expect(describeFeatureLevel('transaction.version', level('transaction.version'))).toMatch(/KIP-890 part 2/);
    expect(describeFeatureLevel('kraft.version', 1)).toMatch(/KIP-853/);
    expect(describeFeatureLevel('kraft.version', 7)).toBeNull();
    expect(describeFeatureLevel('share.version', 1)).toBeNull();
  });

  it('keeps every feature level dependency on a known metadata.version', () => {
    for (const levels of Object.values(FEATURE_LEVELS)) {
      for (const l of levels) if (l.requiresMetadataLevel !== undefined) expect(metadataVersionName(l.requiresMetadataLevel)).not.toBeNull();
    }
  });
});
