// schema/snapshot.schema.json, the snapshot file format (versions 2 and 3): every line of a snapshot file is
// validated against it on read. Kept here as code so the artifact-specific parts come from the artifact catalog
// (which artifacts are stored as list chunks); `npm run schema:generate` writes the JSON file and
// test/unit/schema-files.test.ts fails when the committed file differs.

import { artifactsStoredAs } from '../model/snapshot.js';

export const SNAPSHOT_SCHEMA_PATH = 'schema/snapshot.schema.json';

/** The parts of a sample stored as records of their own, and the definition each part's value follows. */
const SAMPLE_PARTS = [
  ['offsets', 'offsetsByTopic'],
  ['groupOffsets', 'groupOffsetsByGroup'],
  ['offsetDeltas', 'offsetDeltasByTopic'],
  ['groupOffsetDeltas', 'groupOffsetDeltasByGroup'],
] as const;

export function buildSnapshotSchema(): Record<string, unknown> {
  return {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://github.com/kafka-readiness/kafka-readiness/schema/snapshot.schema.json",
    "title": "kafka-readiness snapshot, versions 2 and 3 (JSON Lines)",
    "description": "A snapshot file is JSON Lines (gzip when the name ends in .gz): line 1 is a `header`, every further line a `record`, the last one {\"end\": true, \"records\": N} with N the number of records between. Each artifact is a start record ({artifact, ok: true, issues?, visibility?} or {artifact, error}) followed by data records. Partitions and offsets are tuples; topic configs are the entries most topics share (`common`, written once) plus each topic's differing entries and the common names it lacks. Records keyed by partition are arrays when the partitions are 0..n-1 in order. Version 1 (one JSON document, the in-memory Snapshot) is still read. See docs/snapshot-format.md.",
    "definitions": {
      "header": {
        "type": "object",
        "required": ["format", "snapshotVersion", "tool", "takenAt", "target", "stats"],
        "properties": {
          "format": { "const": "kafka-readiness-snapshot" },
          "snapshotVersion": { "enum": [2, 3] },
          "tool": { "type": "object", "required": ["name", "version"], "properties": { "name": { "type": "string" }, "version": { "type": "string" } } },
          "takenAt": { "type": "string" },
          "target": {
            "type": "object",
            "required": ["bootstrap", "securityProtocol"],
            "properties": {
              "bootstrap": { "type": "array", "items": { "type": "string" } },
              "securityProtocol": { "type": "string" },
              "saslMechanism": { "type": ["string", "null"] },
              "principal": { "type": ["string", "null"] }
            }
          },
          "stats": {
            "type": "object",
            "required": ["requests", "totalRequests", "artifactMs", "durationMs"],
            "properties": {
              "requests": { "type": "object", "additionalProperties": { "type": "number" } },
              "totalRequests": { "type": "number" },
              "artifactMs": { "type": "object", "additionalProperties": { "type": "number" } },
              "durationMs": { "type": "number" }
            }
          }
        }
      },
      "artifactError": {
        "type": "object",
        "required": ["reason", "message"],
        "properties": {
          "reason": { "enum": ["denied", "unsupported", "timeout", "unreachable", "not-collected", "not-requested", "error"] },
          "message": { "type": "string" },
          "api": { "type": "string" }
        }
      },
      "artifactVisibility": {
        "type": "object",
        "required": ["status", "reason"],
        "properties": {
          "status": { "enum": ["complete", "possibly-filtered"] },
          "reason": { "type": "string" },
          "missingGrant": { "type": "string" },
          "selector": { "type": "string" },
          "operation": { "type": "string" }
        },
        "additionalProperties": false
      },
      "configSource": { "enum": ["topic", "dynamic-broker", "dynamic-default-broker", "static-broker", "default", "dynamic-broker-logger", "client-metrics", "group", "unknown"] },
      "configEntry": {
        "type": "object",
        "required": ["value", "source", "sensitive", "readOnly", "synonyms"],
        "properties": {
          "value": { "type": ["string", "null"] },
          "source": { "$ref": "#/definitions/configSource" },
          "sensitive": { "type": "boolean" },
          "readOnly": { "type": "boolean" },
          "synonyms": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["name", "value", "source"],
              "properties": { "name": { "type": "string" }, "value": { "type": ["string", "null"] }, "source": { "$ref": "#/definitions/configSource" } }
            }
          }
        }
      },
      "configMap": { "type": "object", "additionalProperties": { "$ref": "#/definitions/configEntry" } },
      "intList": { "type": "array", "items": { "type": "integer" } },
      "partitionTuple": {
        "description": "[partition, leader, leaderEpoch, replicas, isr (null or absent: same as replicas), offline (absent: none), error code name]",
        "type": "array",
        "minItems": 4,
        "maxItems": 7,
        "items": [
          { "type": "integer" },
          { "type": "integer" },
          { "type": "integer" },
          { "$ref": "#/definitions/intList" },
          { "anyOf": [{ "type": "null" }, { "$ref": "#/definitions/intList" }] },
          { "$ref": "#/definitions/intList" },
          { "type": "string" }
        ]
      },
      "topicTuple": {
        "description": "[name, id, internal, partitions, error]",
        "type": "array",
        "minItems": 4,
        "maxItems": 5,
        "items": [{ "type": "string" }, { "type": "string" }, { "type": "boolean" }, { "type": "array", "items": { "$ref": "#/definitions/partitionTuple" } }, { "type": "string" }]
      },
      "offsetTuple": {
        "description": "[earliest, latest (high watermark), stable (last stable offset; 0 = not reported), error]",
        "type": "array",
        "minItems": 2,
        "maxItems": 4,
        "items": [{ "type": ["string", "null"] }, { "type": ["string", "null"] }, { "anyOf": [{ "type": ["string", "null"] }, { "const": 0 }] }, { "type": "string" }]
      },
      "offsetsByTopic": {
        "type": "array",
        "items": {
          "type": "array",
          "minItems": 2,
          "maxItems": 2,
          "items": [
            { "type": "string" },
            {
              "anyOf": [
                { "type": "array", "items": { "$ref": "#/definitions/offsetTuple" } },
                { "type": "object", "additionalProperties": { "$ref": "#/definitions/offsetTuple" } }
              ]
            }
          ]
        }
      },
      "groupOffsetsByGroup": {
        "type": "array",
        "items": {
          "type": "array",
          "minItems": 2,
          "maxItems": 2,
          "items": [
            { "type": "string" },
            {
              "type": "object",
              "additionalProperties": {
                "anyOf": [{ "type": "array", "items": { "type": "string" } }, { "type": "object", "additionalProperties": { "type": "string" } }]
              }
            }
          ]
        }
      },
      "deltaTuple": {
        "description": "[earliest, latest, stable?] as differences from the same partition's offsets in the offsets artifact (version 3)",
        "type": "array",
        "minItems": 2,
        "maxItems": 3,
        "items": { "type": "integer" }
      },
      "offsetDeltasByTopic": {
        "type": "array",
        "items": {
          "type": "array",
          "minItems": 2,
          "maxItems": 2,
          "items": [
            { "type": "string" },
            { "anyOf": [{ "type": "array", "items": { "$ref": "#/definitions/deltaTuple" } }, { "type": "object", "additionalProperties": { "$ref": "#/definitions/deltaTuple" } }] }
          ]
        }
      },
      "groupOffsetDeltasByGroup": {
        "description": "group -> topic -> committed offset per partition, as differences from the groupOffsets artifact (version 3)",
        "type": "array",
        "items": {
          "type": "array",
          "minItems": 2,
          "maxItems": 2,
          "items": [
            { "type": "string" },
            {
              "type": "object",
              "additionalProperties": { "anyOf": [{ "type": "array", "items": { "type": "integer" } }, { "type": "object", "additionalProperties": { "type": "integer" } }] }
            }
          ]
        }
      },
      "record": {
        "type": "object",
        "anyOf": [
          {
            "required": ["end", "records"],
            "properties": { "end": { "const": true }, "records": { "type": "integer", "minimum": 0 } },
            "additionalProperties": false
          },
          { "required": ["artifact", "error"], "properties": { "artifact": { "type": "string" }, "error": { "$ref": "#/definitions/artifactError" } }, "additionalProperties": false },
          {
            "required": ["artifact", "ok"],
            "properties": { "artifact": { "type": "string" }, "ok": { "const": true }, "issues": { "type": "array", "items": { "$ref": "#/definitions/artifactError" } }, "visibility": { "$ref": "#/definitions/artifactVisibility" } },
            "additionalProperties": false
          },
          { "required": ["artifact", "value"], "properties": { "artifact": { "type": "string" }, "value": {} }, "additionalProperties": false },
          {
            "required": ["artifact", "items"],
            "properties": { "artifact": { "enum": artifactsStoredAs('items') }, "items": { "type": "array", "items": { "type": "object" } } },
            "additionalProperties": false
          },
          {
            "required": ["artifact", "items"],
            "properties": { "artifact": { "const": "topics" }, "items": { "type": "array", "items": { "$ref": "#/definitions/topicTuple" } } },
            "additionalProperties": false
          },
          {
            "required": ["artifact", "common"],
            "properties": { "artifact": { "enum": ["topicConfigs", "brokerConfigs"] }, "common": { "$ref": "#/definitions/configMap" } },
            "additionalProperties": false
          },
          {
            "required": ["artifact", "entries"],
            "properties": {
              "artifact": { "enum": ["topicConfigs", "brokerConfigs"] },
              "entries": {
                "type": "array",
                "items": {
                  "description": "[topic or broker id, entries that differ from common, common names it lacks]",
                  "type": "array",
                  "minItems": 2,
                  "maxItems": 3,
                  "items": [{ "type": "string" }, { "$ref": "#/definitions/configMap" }, { "type": "array", "items": { "type": "string" } }]
                }
              }
            },
            "additionalProperties": false
          },
          {
            "required": ["artifact", "broker", "dirs"],
            "properties": {
              "artifact": { "const": "logDirs" },
              "broker": { "type": "string" },
              "dirs": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["path", "error", "totalBytes", "usableBytes"],
                  "properties": { "path": { "type": "string" }, "error": { "type": ["string", "null"] }, "totalBytes": { "type": "number" }, "usableBytes": { "type": "number" } }
                }
              }
            },
            "additionalProperties": false
          },
          {
            "required": ["artifact", "broker", "dir", "entries"],
            "properties": {
              "artifact": { "const": "logDirs" },
              "broker": { "type": "string" },
              "dir": { "type": "integer", "minimum": 0 },
              "entries": {
                "description": "[topic, [partition, bytes, partition, bytes, ...]]",
                "type": "array",
                "items": { "type": "array", "minItems": 2, "maxItems": 2, "items": [{ "type": "string" }, { "type": "array", "items": { "type": "number" } }] }
              }
            },
            "additionalProperties": false
          },
          {
            "required": ["artifact", "entries"],
            "properties": { "artifact": { "const": "offsets" }, "entries": { "$ref": "#/definitions/offsetsByTopic" } },
            "additionalProperties": false
          },
          {
            "required": ["artifact", "entries"],
            "properties": { "artifact": { "const": "groupOffsets" }, "entries": { "$ref": "#/definitions/groupOffsetsByGroup" } },
            "additionalProperties": false
          },
          {
            "description": "Start of one sample; offsets/groupOffsets name the artifact it shares (the first sample is the scan itself).",
            "required": ["artifact", "sample", "at", "groupStates", "groupMembers"],
            "properties": {
              "artifact": { "const": "samples" },
              "sample": { "type": "integer", "minimum": 0 },
              "at": { "type": "string" },
              "groupStates": { "type": "object", "additionalProperties": { "type": "string" } },
              "groupMembers": { "type": "object", "additionalProperties": { "type": "number" } },
              "partial": {
                "description": "Partitions this sample has no offsets for (their brokers did not answer), and why.",
                "type": "object",
                "required": ["partitions", "reason"],
                "properties": { "partitions": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "integer" } } }, "reason": { "type": "string" } },
                "additionalProperties": false
              },
              "offsets": { "const": "offsets" },
              "groupOffsets": { "const": "groupOffsets" }
            },
            "additionalProperties": false
          },
          // One record per part of a sample beyond its head: full offsets or deltas, of partitions or groups.
          ...SAMPLE_PARTS.map(([part, ref]) => ({
            "required": ["artifact", "sample", part],
            "properties": { "artifact": { "const": "samples" }, "sample": { "type": "integer", "minimum": 0 }, [part]: { "$ref": `#/definitions/${ref}` } },
            "additionalProperties": false
          }))
        ]
      }
    },
    "$ref": "#/definitions/header"
  };
}

export function renderSnapshotSchema(): string {
  return `${JSON.stringify(buildSnapshotSchema(), null, 2)}\n`;
}
