// Paired snapshots for the migration checks: a source and a target built with makeSnapshot, joined by the real
// pairing step of `compare` (src/engine/migration-pair.ts).
import type { Artifact, NameMapping, Snapshot, SnapshotArtifacts } from '../../src/gather/snapshot.js';
import { mappingFromFlags, pairSnapshots } from '../../src/engine/migration-pair.js';
import { makeSnapshot } from './snapshot.js';

export const IDENTITY: NameMapping = mappingFromFlags({});
export const PREFIX: NameMapping = mappingFromFlags({ sourceAlias: 'src', targetAlias: 'tgt' });

export function paired(source: Partial<SnapshotArtifacts> = {}, target: Partial<SnapshotArtifacts> = {}, mapping: NameMapping = IDENTITY): Snapshot {
  return pairSnapshots(makeSnapshot(source), makeSnapshot(target), mapping);
}

export const deniedArtifact = (api: string): Artifact<never> => ({ ok: false, error: { reason: 'denied', message: `${api} failed with CLUSTER_AUTHORIZATION_FAILED`, api } });
