// Validators for the machine-readable outputs, against the schemas CI tools use (test/fixtures/schemas, see its
// README): the JUnit XSDs and OASIS SARIF 2.1.0. Shared by every renderer test that emits JUnit or SARIF.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = path.resolve(import.meta.dirname, '..', 'fixtures', 'schemas');
export const schemaFile = (name: string) => readFileSync(path.join(SCHEMAS, name), 'utf8');

/** Validates with libxml2 (xmllint compiled to WebAssembly): the same validator as `xmllint --schema`. */
export async function xsdErrors(xml: string, xsd: 'JUnit.xsd' | 'junit-10.xsd'): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'report.junit.xml', contents: xml }], schema: [{ fileName: xsd, contents: schemaFile(xsd) }] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

export const sarifValidate = (() => {
  const ajv = new Ajv04.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(schemaFile('sarif-schema-2.1.0.json')));
})();
