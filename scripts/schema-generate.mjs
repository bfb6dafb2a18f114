// Writes the files generated from the built code (run through `npm run schema:generate` or `npm run docs:checks`,
// after a build): schema/readiness.schema.json, schema/snapshot.schema.json and the artifact table of
// docs/report-format.md. Unit tests fail when a committed copy differs.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtInChecks } from '../dist/checks/index.js';
import { withArtifactTable } from '../dist/src/commands/artifacts-doc.js';
import { READINESS_SCHEMA_PATH, renderEditorSchema } from '../dist/src/config/editor-schema.js';
import { renderSnapshotSchema, SNAPSHOT_SCHEMA_PATH } from '../dist/src/gather/snapshot-schema.js';

const root = path.resolve(import.meta.dirname, '..');
writeFileSync(path.join(root, READINESS_SCHEMA_PATH), renderEditorSchema(builtInChecks));
writeFileSync(path.join(root, SNAPSHOT_SCHEMA_PATH), renderSnapshotSchema());
const reportFormat = path.join(root, 'docs', 'report-format.md');
writeFileSync(reportFormat, withArtifactTable(readFileSync(reportFormat, 'utf8')));
