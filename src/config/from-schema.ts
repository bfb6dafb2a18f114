// The TypeScript type of what a JSON Schema (written `as const`) accepts, so that a document validated by a
// schema is typed by that same schema and the two cannot drift. It covers the keywords readiness.yaml's schema
// uses (const, enum, anyOf, type, items, properties, required, additionalProperties); keywords that only narrow
// a value (minLength, pattern, minimum, propertyNames…) leave its type as is.

/** What a parsed YAML or JSON document holds where the schema does not say more. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type FromSchema<S> = S extends { const: infer C }
  ? C
  : S extends { enum: readonly (infer E)[] }
    ? E
    : S extends { anyOf: readonly (infer A)[] }
      ? FromSchema<A>
      : S extends { type: 'array'; items: infer I }
        ? FromSchema<I>[]
        : S extends { type: 'object' }
          ? ObjectOf<S>
          : S extends { type: readonly (infer T)[] }
            ? Primitive<T>
            : S extends { type: infer T }
              ? Primitive<T>
              : Json;

type Primitive<T> = T extends 'string' ? string : T extends 'number' | 'integer' ? number : T extends 'boolean' ? boolean : T extends 'null' ? null : Json;

type RequiredKeys<S> = S extends { required: readonly (infer R)[] } ? R : never;

type Properties<P, S> = Flatten<
  { -readonly [K in keyof P as K extends RequiredKeys<S> ? K : never]: FromSchema<P[K]> } & {
    -readonly [K in keyof P as K extends RequiredKeys<S> ? never : K]?: FromSchema<P[K]>;
  }
>;

/** Keys beyond `properties`: none with `additionalProperties: false`, any (of that schema) otherwise. */
type Additional<S> = S extends { additionalProperties: infer A } ? Record<string, FromSchema<A>> : Record<string, Json>;

type ObjectOf<S> = S extends { properties: infer P }
  ? S extends { additionalProperties: false }
    ? Properties<P, S>
    : Properties<P, S> & Additional<S>
  : S extends { additionalProperties: false }
    ? Record<string, never>
    : Additional<S>;

/** One object type instead of an intersection, so editors and error messages show the keys. */
type Flatten<T> = { [K in keyof T]: T[K] } & {};
