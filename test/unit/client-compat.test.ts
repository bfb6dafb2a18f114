import { describe, expect, it } from 'vitest';
import {
  CLIENT_BASELINES,
  KAFKA_4_MIN_REQUEST_VERSIONS,
  KNOWN_CLIENT_LIBRARIES,
  compareVersions,
  evaluateClient,
  findClientBaseline,
  parseVersion,
} from '../../src/sdk/client-compat.js';

describe('compareVersions', () => {
  it('orders dotted versions numerically and ignores a leading v', () => {
    expect(compareVersions('v1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('4.1', '4.1.0')).toBe(0);
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('2.0.1', '2.1.0')).toBeLessThan(0);
    expect(compareVersions('1.2.3+build.5', '1.2.3')).toBe(0);
  });

  it('puts pre-releases before and post-releases after their release', () => {
    expect(compareVersions('1.0.0-rc1', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-alpha', '1.0.0-beta')).toBeLessThan(0);
    expect(compareVersions('1.0.0-rc.2', '1.0.0-rc.10')).toBeLessThan(0);
    expect(compareVersions('1.0.0-1', '1.0.0-alpha')).toBeLessThan(0);
    expect(compareVersions('0.1.9-devel', '0.1.9')).toBeLessThan(0);
    expect(compareVersions('2.0.2.post1', '2.0.2')).toBeGreaterThan(0);
    expect(compareVersions('2.0.2.post1', '2.0.3')).toBeLessThan(0);
  });

  it('rejects strings without a version number', () => {
    expect(parseVersion('latest')).toBeNull();
    expect(() => compareVersions('latest', '1.0.0')).toThrow(TypeError);
  });
});

describe('evaluateClient', () => {
  it('fails a client below the 4.x minimum on a 4.x cluster and warns on 3.9', () => {
    const onFour = evaluateClient({ library: 'librdkafka', version: '1.7.0' }, '4.1');
    expect(onFour).toMatchObject({ status: 'fail', minimumFor4x: '1.8.2' });
    expect(onFour.message).toMatch(/ListOffsets v0/);
    const onThree = evaluateClient({ library: 'librdkafka', version: '1.7.0' }, '3.9');
    expect(onThree.status).toBe('warn');
    expect(onThree.message).toMatch(/breaks on upgrade to Kafka 4\.x/);
    expect(evaluateClient({ library: 'librdkafka', version: '1.8.2' }, '4.1').status).toBe('pass');
  });

  it('kafkajs: 2.2.4 passes; releases that cannot speak 4.x request versions fail on 4.x and warn on 3.9', () => {
    expect(evaluateClient({ library: 'kafkajs', version: '2.2.4' }, '4.1')).toMatchObject({ status: 'pass', minimumFor4x: '1.8.0' });
    expect(evaluateClient({ library: 'kafkajs', version: '1.7.0' }, '4.1').status).toBe('fail');
    expect(evaluateClient({ library: 'kafkajs', version: '1.7.0' }, '3.9').status).toBe('warn');
    // 1.14.0 predates the 1.15.0 that KIP-896 analysed, but its request versions fit and it passed a smoke
    // test against Kafka 4.1.1, so it is not flagged.
    expect(evaluateClient({ library: 'KafkaJS', version: '1.14.0' }, '4.1').status).toBe('pass');
  });

  it('Java clients need 2.1; Confluent "-ccs" builds are not Apache versions', () => {
    expect(evaluateClient({ library: 'org.apache.kafka:kafka-clients', version: '2.0.1' }, '4.0').status).toBe('fail');
    expect(evaluateClient({ library: 'java', version: '2.1.0' }, '4.0').status).toBe('pass');
    expect(evaluateClient({ library: 'kafka-streams', version: '3.9.1' }, '4.1').status).toBe('pass');
    expect(evaluateClient({ library: 'kafka-clients', version: '7.5.0-ccs' }, '4.1').status).toBe('unknown');
  });

  it('Sarama needs config.Version >= V2_1_0_0, the default only from 1.41.0', () => {
    const old = evaluateClient({ library: 'github.com/IBM/sarama', version: 'v1.30.1' }, '4.1');
    expect(old.status).toBe('warn');
    expect(old.message).toMatch(/V2_1_0_0/);
    expect(evaluateClient({ library: 'Shopify/sarama', version: '1.41.0' }, '4.1').status).toBe('pass');
    expect(evaluateClient({ library: 'sarama', version: '1.29.1' }, '4.0').status).toBe('fail');
  });

  it('maps librdkafka wrappers by their own version numbers', () => {
    expect(evaluateClient({ library: 'confluent_kafka', version: '1.7.0' }, '4.1').status).toBe('fail');
    expect(evaluateClient({ library: 'github.com/confluentinc/confluent-kafka-go/v2', version: 'v2.3.0' }, '4.1').status).toBe('pass');
    expect(evaluateClient({ library: 'Confluent.Kafka', version: '1.8.1' }, '4.1').status).toBe('fail');
    expect(evaluateClient({ library: 'node-rdkafka', version: '2.12.0' }, '4.1').status).toBe('fail');
    expect(evaluateClient({ library: 'node-rdkafka', version: '2.13.0' }, '4.1').status).toBe('pass');
    expect(evaluateClient({ library: 'rust-rdkafka', version: '0.27.0' }, '4.1').status).toBe('fail');
    expect(evaluateClient({ library: '@confluentinc/kafka-javascript', version: '0.1.9-devel' }, '4.1').status).toBe('pass');
  });

  it('kafka-python 2.0.2 passes (KIP-896 baseline, smoke-tested against 4.1.1)', () => {
    expect(evaluateClient({ library: 'kafka-python', version: '2.0.2' }, '4.1').status).toBe('pass');
    expect(evaluateClient({ library: 'kafka_python', version: '1.4.7' }, '4.1').status).toBe('fail');
  });

  it('softens verdicts where only some features or unchecked releases are involved', () => {
    expect(evaluateClient({ library: 'franz-go', version: 'v1.18.0' }, '4.1').status).toBe('warn');
    expect(evaluateClient({ library: 'aiokafka', version: '0.11.0' }, '4.1').status).toBe('unknown');
    expect(evaluateClient({ library: 'aiokafka', version: '0.14.0' }, '4.1').status).toBe('pass');
    expect(evaluateClient({ library: 'segmentio/kafka-go', version: '0.4.47' }, '4.1')).toMatchObject({ status: 'unknown', minimumFor4x: null });
  });

  it('reads guessKafkaVersion-style cluster versions and unknown clusters', () => {
    expect(evaluateClient({ library: 'librdkafka', version: '1.6.0' }, '>= 4.4').status).toBe('fail');
    expect(evaluateClient({ library: 'librdkafka', version: '1.6.0' }, '< 2.0').status).toBe('warn');
    expect(evaluateClient({ library: 'librdkafka', version: '1.6.0' }, '4.1.1').status).toBe('fail');
    const unknownCluster = evaluateClient({ library: 'librdkafka', version: '1.6.0' }, null);
    expect(unknownCluster.status).toBe('warn');
    expect(unknownCluster.message).toMatch(/breaks on Kafka 4\.x \(cluster version unknown\)/);
  });

  it('answers unknown for unknown libraries and unreadable versions', () => {
    const unknownLib = evaluateClient({ library: 'my-homegrown-client', version: '1.0.0' }, '4.1');
    expect(unknownLib.status).toBe('unknown');
    expect(unknownLib.message).toContain('kafkajs');
    expect(evaluateClient({ library: 'spring-kafka', version: '2.2.0' }, '4.1').message).toMatch(/kafka-clients/);
    expect(evaluateClient({ library: 'kafkajs', version: 'latest' }, '4.1').status).toBe('unknown');
  });
});

describe('baseline table', () => {
  it('has a reference and a reason for every library, and no alias twice', () => {
    const aliases = CLIENT_BASELINES.flatMap((b) => b.aliases.map((a) => a.toLowerCase()));
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const b of CLIENT_BASELINES) {
      expect(b.reference).toMatch(/^https:\/\//);
      expect(b.why.length).toBeGreaterThan(20);
      if (b.minimumFor4x === null) expect(b.verified).toBe(false);
      for (const alias of b.aliases) expect(findClientBaseline(alias)).toBe(b);
    }
    expect(KNOWN_CLIENT_LIBRARIES).toHaveLength(CLIENT_BASELINES.length);
  });

  it('lists the request versions Kafka 4.x removed', () => {
    const produce = KAFKA_4_MIN_REQUEST_VERSIONS.find((r) => r.name === 'Produce')!;
    expect(produce.minIn4x).toBe(3);
    expect(KAFKA_4_MIN_REQUEST_VERSIONS.find((r) => r.name === 'Fetch')!.minIn4x).toBe(4);
  });
});
