import { Reader, Writer, describeConfigsV2, describeConfigsV3, describeConfigsV4 } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { normalizeConfigs, type RawConfig } from '../../src/connect/configs.js';
import { DescribeConfigsDecoder, describeConfigsApis } from '../../src/connect/describe-configs.js';

interface Resource {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
  configs: RawConfig[];
}

/** A DescribeConfigs response body as a broker writes it (v4 flexible, v2–v3 classic; type/documentation from v3). */
function encode(version: number, resources: Resource[]): Buffer {
  const flex = version >= 4;
  const w = Writer.create().appendInt32(0);
  w.appendArray(
    resources,
    (rw, r) => {
      rw.appendInt16(r.errorCode).appendString(r.errorMessage, flex).appendInt8(r.resourceType).appendString(r.resourceName, flex);
      rw.appendArray(
        r.configs,
        (cw, c) => {
          cw.appendString(c.name, flex).appendString(c.value, flex).appendBoolean(c.readOnly).appendInt8(c.configSource).appendBoolean(c.isSensitive);
          cw.appendArray(c.synonyms, (sw, s) => sw.appendString(s.name, flex).appendString(s.value, flex).appendInt8(s.source), flex, flex);
          if (version >= 3) cw.appendInt8(c.configType ?? 0).appendString(null, flex);
        },
        flex,
        flex,
      );
    },
    flex,
    flex,
  );
  if (flex) w.appendTaggedFields();
  return w.buffer;
}

const retention = (value: string, source = 5): RawConfig => ({
  name: 'retention.ms',
  value,
  readOnly: false,
  configSource: source,
  isSensitive: false,
  configType: 5,
  synonyms: source === 1 ? [{ name: 'retention.ms', value, source: 1 }, { name: 'log.retention.hours', value: '168', source: 5 }] : [{ name: 'log.retention.hours', value: '168', source: 5 }],
});
const cleanup: RawConfig = { name: 'cleanup.policy', value: 'delete', readOnly: false, configSource: 5, isSensitive: false, configType: 7, synonyms: [{ name: 'log.cleanup.policy', value: 'delete', source: 5 }] };
const secret: RawConfig = { name: 'sasl.jaas.config', value: 'x password="leak"', readOnly: false, configSource: 4, isSensitive: false, configType: 9, synonyms: [{ name: 'sasl.jaas.config', value: 'leak2', source: 4 }] };

const resources: Resource[] = [
  // Unsorted on purpose: the map comes out in ordinal name order either way.
  { errorCode: 0, errorMessage: null, resourceType: 2, resourceName: 'orders', configs: [retention('604800000'), cleanup, secret] },
  { errorCode: 0, errorMessage: null, resourceType: 2, resourceName: 'payments', configs: [cleanup, retention('3600000', 1)] },
  { errorCode: 0, errorMessage: null, resourceType: 2, resourceName: 'audit', configs: [cleanup, retention('604800000')] },
  { errorCode: 3, errorMessage: 'This server does not host this topic-partition.', resourceType: 2, resourceName: 'gone', configs: [] },
];

describe('DescribeConfigs decoder', () => {
  it.each([4, 3])('v%i: the same resources and entries as the library decoder followed by normalizeConfigs', (version) => {
    const lib = version === 4 ? describeConfigsV4 : describeConfigsV3;
    const body = encode(version, resources);
    let expected: { results: Resource[] };
    try {
      expected = lib.parseResponse(1, 32, version, Reader.from(body)) as unknown as { results: Resource[] };
    } catch (err) {
      expected = (err as { response: { results: Resource[] } }).response;
    }
    const got = new DescribeConfigsDecoder().decode(body, version);
    expect(JSON.stringify(got)).toBe(
      JSON.stringify(expected.results.map((r) => ({ errorCode: r.errorCode, errorMessage: r.errorMessage, resourceType: r.resourceType, resourceName: r.resourceName, configs: normalizeConfigs(r.configs) }))),
    );
    expect(Object.keys(got[0]!.configs)).toEqual(['cleanup.policy', 'retention.ms', 'sasl.jaas.config']);
    expect(JSON.stringify(got)).not.toMatch(/leak/);
    expect(got[3]).toMatchObject({ errorCode: 3, errorMessage: 'This server does not host this topic-partition.', configs: {} });
  });

  it('v2 has no config type or documentation fields', () => {
    const got = new DescribeConfigsDecoder().decode(encode(2, resources), 2);
    expect(got.map((r) => r.resourceName)).toEqual(['orders', 'payments', 'audit', 'gone']);
    expect(got[1]!.configs['retention.ms']).toEqual({
      value: '3600000',
      source: 'topic',
      sensitive: false,
      readOnly: false,
      synonyms: [
        { name: 'retention.ms', value: '3600000', source: 'topic' },
        { name: 'log.retention.hours', value: '168', source: 'default' },
      ],
    });
    // Still redacted by name without the password type.
    expect(got[0]!.configs['sasl.jaas.config']).toMatchObject({ value: null, sensitive: true, synonyms: [{ value: null }] });
  });

  it('shares one entry object between resources (and requests) that answered the same bytes', () => {
    const decoder = new DescribeConfigsDecoder();
    const [orders, payments, audit] = decoder.decode(encode(4, resources), 4);
    expect(audit!.configs['cleanup.policy']).toBe(orders!.configs['cleanup.policy']);
    expect(audit!.configs['retention.ms']).toBe(orders!.configs['retention.ms']);
    expect(payments!.configs['retention.ms']).not.toBe(orders!.configs['retention.ms']);
    const [again] = decoder.decode(encode(4, resources.slice(2)), 4);
    expect(again!.configs['cleanup.policy']).toBe(orders!.configs['cleanup.policy']);
  });

  it('entries that differ from the previous resource at the same index are decoded afresh (in-place byte comparison)', () => {
    const res = (name: string, configs: RawConfig[]) => ({ errorCode: 0, errorMessage: null, resourceType: 2, resourceName: name, configs });
    const decoder = new DescribeConfigsDecoder();
    // Same index, different bytes (override, default, a longer value, a shorter one), then repeats.
    const got = decoder.decode(encode(4, [res('a', [cleanup, retention('1000', 1)]), res('b', [cleanup, retention('604800000')]), res('c', [cleanup, retention('1000', 1)]), res('d', [retention('1'), cleanup]), res('e', [cleanup])]), 4);
    expect(got.map((r) => r.configs['retention.ms']?.value)).toEqual(['1000', '604800000', '1000', '1', undefined]);
    expect(got.map((r) => r.configs['retention.ms']?.source)).toEqual(['topic', 'default', 'topic', 'default', undefined]);
    expect(got.every((r) => r.configs['cleanup.policy']!.value === 'delete')).toBe(true);
    expect(got[0]!.configs['cleanup.policy']).toBe(got[4]!.configs['cleanup.policy']);
    // A v2 answer after v4 answers: the remembered v4 bytes are not taken for v2 entries.
    const v2 = decoder.decode(encode(2, [res('f', [cleanup, retention('1000', 1)])]), 2);
    expect(v2[0]!.configs['retention.ms']).toMatchObject({ value: '1000', source: 'topic' });
  });

  it('keeps a resource and a config named __proto__ as entries (not the prototype)', () => {
    const proto: RawConfig = { ...cleanup, name: '__proto__', value: 'x', synonyms: [] };
    const got = new DescribeConfigsDecoder().decode(encode(4, [{ errorCode: 0, errorMessage: null, resourceType: 2, resourceName: '__proto__', configs: [proto, cleanup] }]), 4);
    expect(got[0]!.resourceName).toBe('__proto__');
    expect(Object.getPrototypeOf(got[0]!.configs)).toBe(Object.prototype);
    expect(Object.keys(got[0]!.configs)).toEqual(['__proto__', 'cleanup.policy']);
    expect(Object.hasOwn(got[0]!.configs, '__proto__') && got[0]!.configs['__proto__']!.value).toBe('x');
    expect(JSON.parse(JSON.stringify(got[0]!.configs))['__proto__'].value).toBe('x');
    const viaNormalize = normalizeConfigs([proto]);
    expect(Object.keys(viaNormalize)).toEqual(['__proto__']);
  });

  it('rejects a truncated response instead of reading past its end', () => {
    const body = encode(4, resources);
    for (const cut of [3, 20, body.length - 30, body.length - 2]) {
      expect(() => new DescribeConfigsDecoder().decode(body.subarray(0, cut), 4)).toThrow(/truncated/);
    }
  });

  it('writes the same request bytes as the library', () => {
    const resources = [{ resourceType: 2, resourceName: 'orders' }, { resourceType: 4, resourceName: '1' }];
    const libs = [describeConfigsV4, describeConfigsV3, describeConfigsV2] as unknown as { createRequest: (r: unknown, synonyms: boolean, docs: boolean) => Writer }[];
    describeConfigsApis(new DescribeConfigsDecoder()).forEach((api, i) => {
      // The API builds its request lazily inside send(); capture it through a stand-in connection.
      let payload: Buffer | undefined;
      const connection = { send: (_k: number, _v: number, create: () => Writer) => (payload = create().buffer) };
      (api as unknown as (c: unknown, ...a: unknown[]) => void)(connection, resources, true, false, () => {});
      const expected = libs[i]!.createRequest(resources.map((r) => ({ ...r, configurationKeys: null })), true, false).buffer;
      expect(payload).toEqual(expected);
    });
  });
});
