// ajv errors as a path into the YAML document and one readable sentence (readiness.yaml and check options share them).

import type { ErrorObject } from 'ajv';

export function errorPath(err: ErrorObject): (string | number)[] {
  const parts = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (err.keyword === 'additionalProperties') parts.push(String((err.params as { additionalProperty: string }).additionalProperty));
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function describeSchemaError(err: ErrorObject): string {
  const at = err.instancePath ? errorPath({ ...err, keyword: 'path-only' }).join('.') : 'top level';
  switch (err.keyword) {
    case 'additionalProperties':
      return `unknown key "${(err.params as { additionalProperty: string }).additionalProperty}"${err.instancePath ? ` in ${at}` : ''}`;
    case 'enum':
      return `${at} must be one of ${((err.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
    case 'const':
      return `${at} must be ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)}`;
    case 'required':
      return `${at} needs "${(err.params as { missingProperty: string }).missingProperty}"`;
    default:
      return `${at} ${err.message ?? 'is invalid'}`;
  }
}
