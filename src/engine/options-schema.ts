// A check's optionsSchema (JSON Schema of its options object): compiled once per schema, with the same ajv settings
// as readiness.yaml itself. Built-in checks and plugins use the same path; a plugin without a schema keeps the
// key-name and typeof validation in registry.ts.

import { createRequire } from 'node:module';
import type { Ajv as AjvType, ValidateFunction } from 'ajv';
import { errorMessage } from '../errors.js';
import { describeSchemaError, errorPath } from '../config/schema-errors.js';

// Loaded on first use: `checks`, `evaluate` without a readiness.yaml and most plugins never need it.
let ajv: AjvType | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function compile(schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    if (!ajv) {
      const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
      ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
    }
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Why a declared optionsSchema is unusable (not an object schema, does not compile, rejects the defaults), or null. */
export function optionsSchemaProblem(schema: unknown, defaults: unknown): string | null {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema) || (schema as { type?: unknown }).type !== 'object') {
    return 'meta.optionsSchema must be a JSON Schema with type "object"';
  }
  let validate: ValidateFunction;
  try {
    validate = compile(schema as Record<string, unknown>);
  } catch (err) {
    return `meta.optionsSchema is not a valid JSON Schema: ${errorMessage(err).split('\n')[0]}`;
  }
  if (defaults !== undefined && !validate(defaults)) {
    return `meta.defaultOptions do not match meta.optionsSchema: ${describeSchemaError(validate.errors![0]!).replace(/^top level/, 'options')}`;
  }
  return null;
}

/** The first schema error of some options: its path inside `options` and a readable sentence; null when valid. */
export function optionsSchemaError(schema: Record<string, unknown>, options: unknown): { at: (string | number)[]; keyword: string; message: string } | null {
  const validate = compile(schema);
  if (validate(options)) return null;
  const err = validate.errors![0]!;
  return { at: errorPath(err), keyword: err.keyword, message: describeSchemaError(err).replace(/^top level/, 'options') };
}
