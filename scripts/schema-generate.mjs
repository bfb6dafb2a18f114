// Writes schema/readiness.schema.json from the built code (run through `npm run schema:generate`, after a build).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtInChecks } from '../dist/checks/index.js';
import { READINESS_SCHEMA_PATH, renderEditorSchema } from '../dist/src/config/editor-schema.js';

const root = path.resolve(import.meta.dirname, '..');
writeFileSync(path.join(root, READINESS_SCHEMA_PATH), renderEditorSchema(builtInChecks));
