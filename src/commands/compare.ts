// `compare`: two clusters (or two saved snapshots) → one report on the target with the migration checks.
// Gathers both sides with the ordinary read-only gather, then the pure pairing step (src/engine/migration-pair.ts).

import { UsageError } from '../errors.js';
import { MAPPING_POLICIES, type NameMapping, type Snapshot } from '../model/snapshot.js';
import { mappingFromFlags, pairSnapshots } from '../engine/migration-pair.js';
import { orList } from './program-options.js';

/** --replication-policy: the mapping policies that have a flag name, in MAPPING_POLICIES order. */
export const REPLICATION_POLICY_FLAGS = Object.values(MAPPING_POLICIES).flatMap((p) => (p.flag ? [p] : []));
/** "identity (same names) or default (prefix with --source-alias)": --help of --replication-policy. */
export const REPLICATION_POLICY_HELP = orList(REPLICATION_POLICY_FLAGS.map((p) => `${p.flag} (${p.help})`));

export interface CompareFlags {
  sourceConfig?: string;
  targetConfig?: string;
  sourceAlias?: string;
  targetAlias?: string;
  replicationPolicy?: string;
  separator?: string;
  sourceSnapshotOut?: string;
  targetSnapshotOut?: string;
}

/** Which inputs: two connections or two snapshot files, never a mix (the two sides must be taken the same way). */
export function compareInputs(files: string[], flags: CompareFlags): { mode: 'live' } | { mode: 'offline'; source: string; target: string } {
  const live = flags.sourceConfig !== undefined || flags.targetConfig !== undefined;
  if (live && files.length) throw new UsageError('give either --source-config and --target-config, or two snapshot files, not both');
  if (live) {
    if (flags.sourceConfig === undefined || flags.targetConfig === undefined) throw new UsageError('compare needs both --source-config <file> and --target-config <file>');
    return { mode: 'live' };
  }
  if (files.length !== 2) throw new UsageError('compare needs two snapshot files (source, target) or --source-config and --target-config');
  if (flags.sourceSnapshotOut || flags.targetSnapshotOut) throw new UsageError('--source-snapshot-out/--target-snapshot-out need --source-config and --target-config');
  return { mode: 'offline', source: files[0]!, target: files[1]! };
}

/** The mapping flags; any one of them replaces readiness.yaml's `migration:` section as a whole (flags win). */
const MAPPING_FLAGS = ['sourceAlias', 'targetAlias', 'replicationPolicy', 'separator'] as const;

export function compareMapping(flags: CompareFlags, fromConfig?: NameMapping): NameMapping {
  if (fromConfig && MAPPING_FLAGS.every((f) => flags[f] === undefined)) return fromConfig;
  const { identity, prefix } = MAPPING_POLICIES;
  const policy = flags.replicationPolicy ?? (flags.sourceAlias ? prefix.flag : identity.flag);
  if (!REPLICATION_POLICY_FLAGS.some((p) => p.flag === policy)) throw new UsageError(`--replication-policy must be ${orList(REPLICATION_POLICY_FLAGS.map((p) => p.flag))} (got "${policy}")`);
  if (policy === prefix.flag && !flags.sourceAlias) throw new UsageError(`--replication-policy ${prefix.flag} needs --source-alias <alias> (the MirrorMaker 2 cluster alias of the source)`);
  if (flags.separator !== undefined && flags.separator.length === 0) throw new UsageError('--separator must not be empty');
  for (const [flag, v] of [['--source-alias', flags.sourceAlias], ['--target-alias', flags.targetAlias]] as const) {
    if (v !== undefined && !/^[A-Za-z0-9._-]+$/.test(v)) throw new UsageError(`${flag} must be a MirrorMaker 2 cluster alias (letters, digits, . _ -)`);
  }
  return mappingFromFlags({
    ...(flags.sourceAlias ? { sourceAlias: flags.sourceAlias } : {}),
    ...(flags.targetAlias ? { targetAlias: flags.targetAlias } : {}),
    ...(flags.separator ? { separator: flags.separator } : {}),
    identity: policy === identity.flag,
    origin: policy === prefix.flag ? '--source-alias' : flags.replicationPolicy ? `--replication-policy ${identity.flag}` : 'default: identical names',
  });
}

export { pairSnapshots };
export type { Snapshot };
