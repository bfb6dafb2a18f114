// The artifact table of docs/report-format.md, rendered from the artifact catalog (src/model/artifacts.ts).
// `npm run docs:checks` writes it between the markers; test/unit/docs-sync.test.ts fails when it is stale.

import { ARTIFACT_LIST, type ArtifactSpec } from '../model/snapshot.js';

export const ARTIFACT_TABLE_START = '<!-- artifact-table:start (generated from src/model/artifacts.ts: npm run docs:checks) -->';
export const ARTIFACT_TABLE_END = '<!-- artifact-table:end -->';

const VISIBILITY: Record<NonNullable<ArtifactSpec['visibility']>, string> = {
  topics: 'yes, as the topic list',
  groups: 'yes, as the group list',
  'topics-and-groups': 'yes, as the group and topic lists',
};

const code = (s: string) => `\`${s}\``;

export function renderArtifactTable(): string {
  const rows = ARTIFACT_LIST.map((a) =>
    [
      code(a.name),
      a.doc,
      a.apis.length ? a.apis.join(', ') : '(built, not read)',
      a.grant ?? '—',
      a.gathered.when === 'always' ? 'always' : `on request; else not-requested: “${a.gathered.notRequested.replace(/</g, '&lt;')}”`,
      a.visibility ? VISIBILITY[a.visibility] : 'no',
    ].join(' | '),
  );
  return [
    '| artifact | holds | read with | grant it needs (named when denied) | gathered | permission-filtered |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

/** The document with the text between the table markers replaced by the current table. */
export function withArtifactTable(doc: string): string {
  const start = doc.indexOf(ARTIFACT_TABLE_START);
  const end = doc.indexOf(ARTIFACT_TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/report-format.md: artifact table markers not found');
  return `${doc.slice(0, start + ARTIFACT_TABLE_START.length)}\n${renderArtifactTable()}\n${doc.slice(end)}`;
}
