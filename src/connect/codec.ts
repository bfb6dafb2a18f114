// Wire decoding the client library does not do for us: ApiVersions feature levels (tagged fields 0–3,
// KIP-584) and the classic consumer-protocol assignment bytes.

import { Reader, protocolAPIsById } from './kafka-lib.js';
import type { ApiRange, BrokerApiVersions, FeatureRange } from '../model/snapshot.js';
import { dict } from '../model/dict.js';

export interface ParsedApiVersions extends BrokerApiVersions {
  requestVersion: number;
}

const UNSUPPORTED_VERSION = 35;

/**
 * ApiVersions response v3/v4 (flexible body, non-flexible response header):
 * error_code [api_keys] throttle_time_ms TAG_BUFFER{0: SupportedFeatures, 1: FinalizedFeaturesEpoch,
 * 2: FinalizedFeatures, 3: ZkMigrationReady}.
 */
export function parseApiVersionsResponse(_correlationId: number, _apiKey: number, apiVersion: number, reader: Reader): ParsedApiVersions {
  const errorCode = reader.readInt16();
  if (errorCode === UNSUPPORTED_VERSION) {
    // The broker answers an unsupported ApiVersions version in the v0 layout; the caller retries with v3.
    const err = new Error(`ApiVersions v${apiVersion} unsupported by the broker`) as Error & { unsupportedVersion: boolean };
    err.unsupportedVersion = true;
    throw err;
  }
  if (errorCode !== 0) throw new Error(`ApiVersions failed with error code ${errorCode}`);
  const apis: ApiRange[] = reader.readArray((r) => {
    const key = r.readInt16();
    return { key, name: protocolAPIsById[key] ?? `Api${key}`, min: r.readInt16(), max: r.readInt16() };
  });
  reader.readInt32(); // throttle_time_ms
  const result: ParsedApiVersions = {
    requestVersion: apiVersion,
    apis: apis.sort((a, b) => a.key - b.key),
    supportedFeatures: [],
    finalizedFeatures: [],
    finalizedFeaturesEpoch: null,
  };
  const tagCount = reader.remaining > 0 ? reader.readUnsignedVarInt() : 0;
  for (let i = 0; i < tagCount; i++) {
    const tag = reader.readUnsignedVarInt();
    const size = reader.readUnsignedVarInt();
    const end = reader.position + size;
    if (tag === 0) {
      result.supportedFeatures = reader.readArray((r): FeatureRange => ({ name: r.readString(), min: r.readInt16(), max: r.readInt16() }));
    } else if (tag === 1) {
      result.finalizedFeaturesEpoch = String(reader.readInt64());
    } else if (tag === 2) {
      // FinalizedFeatureKey field order is Name, MaxVersionLevel, MinVersionLevel.
      result.finalizedFeatures = reader.readArray((r) => {
        const name = r.readString();
        const max = r.readInt16();
        const min = r.readInt16();
        return { name, min, max };
      });
    } else if (tag === 3) {
      result.zkMigrationReady = reader.readBoolean();
    }
    reader.position = end;
  }
  result.supportedFeatures.sort((a, b) => a.name.localeCompare(b.name));
  result.finalizedFeatures.sort((a, b) => a.name.localeCompare(b.name));
  return result;
}

/** ConsumerProtocolAssignment (v0–v3, non-flexible): version, [topic, [partition]], user_data. */
export function decodeConsumerAssignment(bytes: Buffer | null | undefined): Record<string, number[]> | null {
  if (!bytes || bytes.length < 2) return null;
  try {
    const reader = Reader.from(bytes);
    reader.readInt16();
    const out = dict<number[]>();
    const topics = reader.readArray(
      (r) => ({ topic: r.readString(false), partitions: r.readArray((rr) => rr.readInt32(), false, false) }),
      false,
      false,
    );
    for (const t of topics) out[t.topic] = t.partitions;
    return out;
  } catch {
    return null;
  }
}
