// FromSchema: the type of a validated document comes from the schema that validated it. The expectTypeOf lines
// are checked by `npm run typecheck` (the test command runs it); the ajv lines check that the schema and the
// derived type agree on the same values at run time.
import { Ajv } from 'ajv';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { FromSchema, Json } from '../../src/config/from-schema.js';
import type { READINESS_SCHEMA } from '../../src/config/readiness.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    version: { const: 1 },
    level: { enum: ['low', 'high'] },
    size: { type: ['string', 'number'] },
    count: { type: 'integer', minimum: 0 },
    on: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    patterns: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    byName: { type: 'object', additionalProperties: { type: 'object', additionalProperties: false, required: ['weight'], properties: { weight: { type: 'number' } } } },
    options: { type: 'object' },
  },
} as const;
type Doc = FromSchema<typeof schema>;

describe('FromSchema', () => {
  it('maps each keyword to its type: required keys required, the others optional, no key beyond properties', () => {
    expectTypeOf<Doc>().toEqualTypeOf<{
      name: string;
      version?: 1;
      level?: 'low' | 'high';
      size?: string | number;
      count?: number;
      on?: boolean;
      tags?: string[];
      patterns?: string | string[];
      byName?: Record<string, { weight: number }>;
      options?: Record<string, Json>;
    }>();
  });

  it('agrees with ajv on the same values', () => {
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile<Doc>(schema);
    const full: Doc = { name: 'a', version: 1, level: 'high', size: 3, count: 2, on: true, tags: ['x'], patterns: 'p*', byName: { a: { weight: 1 } }, options: { any: [1, 'x', null] } };
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ name: 'b' })).toBe(true);
    // @ts-expect-error a required key is missing
    const noName: Doc = { version: 1 };
    // @ts-expect-error no key beyond properties
    const extra: Doc = { name: 'c', nmae: 'c' };
    // @ts-expect-error a value outside the enum
    const badLevel: Doc = { name: 'd', level: 'medium' };
    for (const bad of [noName, extra, badLevel]) expect(validate(bad)).toBe(false);
  });

  it('types every top-level section of readiness.yaml (none falls back to an untyped value)', () => {
    type Readiness = FromSchema<typeof READINESS_SCHEMA>;
    expectTypeOf<keyof Readiness>().toEqualTypeOf<keyof typeof READINESS_SCHEMA.properties>();
    type Untyped = { [K in keyof Readiness]-?: Json extends NonNullable<Readiness[K]> ? K : never }[keyof Readiness];
    expectTypeOf<Untyped>().toEqualTypeOf<never>();
    expectTypeOf<Readiness['platform']>().toEqualTypeOf<'auto' | 'apache-kafka' | 'msk' | 'redpanda' | 'confluent' | 'automq' | 'warpstream' | 'other' | undefined>();
    expectTypeOf<NonNullable<Readiness['topicPolicies']>[number]['replicationFactor']>().toEqualTypeOf<{ min?: number; max?: number } | undefined>();
    expectTypeOf<NonNullable<Readiness['migration']>['topics']>().toEqualTypeOf<Record<string, string> | undefined>();
    // Only a check's options are open here (each check's optionsSchema validates them at load).
    expectTypeOf<NonNullable<Readiness['checks']>[string]['options']>().toEqualTypeOf<Record<string, Json> | undefined>();
  });
});
