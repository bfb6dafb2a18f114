import { Reader, Writer } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { decodeConsumerAssignment, parseApiVersionsResponse } from '../../src/connect/codec.js';
import { normalizeConfigs } from '../../src/connect/configs.js';

describe('ApiVersions v4 feature levels', () => {
  it('decodes supported and finalized features from tagged fields', () => {
    const supported = Writer.create()
      .appendUnsignedVarInt(2) // compact array of 1
      .appendString('metadata.version').appendInt16(7).appendInt16(27).appendTaggedFields();
    const finalized = Writer.create()
      .appendUnsignedVarInt(2)
      .appendString('metadata.version').appendInt16(27).appendInt16(27).appendTaggedFields(); // max, then min
    const epoch = Writer.create().appendInt64(42n);
    const w = Writer.create()
      .appendInt16(0)
      .appendUnsignedVarInt(3)
      .appendInt16(0).appendInt16(3).appendInt16(12).appendTaggedFields()
      .appendInt16(18).appendInt16(0).appendInt16(4).appendTaggedFields()
      .appendInt32(0)
      .appendUnsignedVarInt(3);
    for (const [tag, body] of [[0, supported], [1, epoch], [2, finalized]] as const) {
      w.appendUnsignedVarInt(tag).appendUnsignedVarInt(body.length).appendFrom(body);
    }
    const parsed = parseApiVersionsResponse(1, 18, 4, Reader.from(w));
    expect(parsed.apis.map((a) => [a.name, a.min, a.max])).toEqual([['Produce', 3, 12], ['ApiVersions', 0, 4]]);
    expect(parsed.supportedFeatures).toEqual([{ name: 'metadata.version', min: 7, max: 27 }]);
    expect(parsed.finalizedFeatures).toEqual([{ name: 'metadata.version', min: 27, max: 27 }]);
    expect(parsed.finalizedFeaturesEpoch).toBe('42');
  });

  it('signals UNSUPPORTED_VERSION so the caller can retry with v3', () => {
    const w = Writer.create().appendInt16(35).appendInt32(0);
    expect(() => parseApiVersionsResponse(1, 18, 4, Reader.from(w))).toThrow(expect.objectContaining({ unsupportedVersion: true }));
  });
});

describe('consumer assignment', () => {
  it('decodes topic partitions from the classic protocol bytes', () => {
    const w = Writer.create().appendInt16(0).appendInt32(1).appendString('orders', false).appendInt32(2).appendInt32(0).appendInt32(2).appendInt32(-1);
    expect(decodeConsumerAssignment(w.buffer)).toEqual({ orders: [0, 2] });
    expect(decodeConsumerAssignment(Buffer.alloc(0))).toBeNull();
  });

  it('keeps a topic named __proto__ or constructor as an entry (not the prototype)', () => {
    const w = Writer.create().appendInt16(0).appendInt32(2).appendString('__proto__', false).appendInt32(1).appendInt32(3).appendString('constructor', false).appendInt32(1).appendInt32(0).appendInt32(-1);
    const got = decodeConsumerAssignment(w.buffer)!;
    expect(Object.keys(got)).toEqual(['__proto__', 'constructor']);
    expect(got['__proto__']).toEqual([3]);
    expect(got['constructor']).toEqual([0]);
    expect(got['toString']).toBeUndefined();
  });
});

describe('config redaction', () => {
  it('drops values of sensitive, password-typed and secret-named configs, including synonyms', () => {
    const out = normalizeConfigs([
      { name: 'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config', value: 'x password="leak1"', readOnly: false, configSource: 4, isSensitive: false, synonyms: [{ name: 'sasl.jaas.config', value: 'leak2', source: 4 }] },
      { name: 'ssl.keystore.password', value: 'leak3', readOnly: false, configSource: 4, isSensitive: true, synonyms: [] },
      { name: 'some.custom', value: 'leak4', readOnly: false, configSource: 2, isSensitive: false, configType: 9, synonyms: [] },
      { name: 'retention.ms', value: '1000', readOnly: false, configSource: 1, isSensitive: false, synonyms: [{ name: 'log.retention.ms', value: '2000', source: 4 }] },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/leak/);
    expect(out['retention.ms']).toMatchObject({ value: '1000', source: 'topic', synonyms: [{ name: 'log.retention.ms', value: '2000', source: 'static-broker' }] });
    expect(out['ssl.keystore.password']).toMatchObject({ value: null, sensitive: true });
  });
});
