// Straight layers: parses every import (static, re-export, dynamic import()) of src/** and checks/** with
// TypeScript's own parser and fails on any cycle and on any import that goes up the declared layer order.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

// Lowest first; a module may import its own layer or a lower one. Checks import only src/sdk (catalog test too).
const LAYERS: Array<[string, RegExp]> = [
  ['base', /^src\/(errors|duration|suggest|version)\.ts$/],
  // One layer, as the SDK re-exports the model types; report/model.ts holds the report's data types (no logic).
  ['model/sdk', /^src\/model\/|^src\/report\/model\.ts$|^src\/sdk(\.ts$|\/)/],
  ['checks', /^checks\//],
  ['config', /^src\/config\//],
  ['connect', /^src\/connect\//],
  ['gather', /^src\/gather\//],
  ['engine', /^src\/engine\//],
  ['report', /^src\/report\//],
  ['commands', /^src\/(commands\/|pipeline\.ts$)/],
  ['cli', /^src\/(cli|index)\.ts$/],
];

function walk(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [],
  );
}

function importsOf(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) specs.push(n.moduleSpecifier.text);
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) specs.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)).replace(/\.js$/, '.ts'));
}

const layerOf = (file: string): number => LAYERS.findIndex(([, re]) => re.test(file));
const modules = [...walk('src'), ...walk('checks')].sort();
const graph = new Map(modules.map((m) => [m, importsOf(m)]));

function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const dfs = (m: string): void => {
    state.set(m, 'open');
    stack.push(m);
    for (const to of graph.get(m) ?? []) {
      if (state.get(to) === 'open') found.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) dfs(to);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of modules) if (!state.has(m)) dfs(m);
  return found;
}

describe('import rules', () => {
  it('every module has a layer and every import resolves to a module', () => {
    expect(modules.filter((m) => layerOf(m) < 0)).toEqual([]);
    const dangling = [...graph].flatMap(([m, tos]) => tos.filter((t) => !graph.has(t)).map((t) => `${m} -> ${t}`));
    expect(dangling).toEqual([]);
  });

  it('has no import cycle', () => {
    const edges = [...graph.values()].reduce((n, tos) => n + tos.length, 0);
    const found = cycles();
    console.log(`import graph: ${modules.length} modules, ${edges} edges, ${found.length} cycles`);
    expect(found.map((c) => c.join(' -> '))).toEqual([]);
  });

  it('imports go down the layer order only', () => {
    const upward = [...graph].flatMap(([m, tos]) =>
      tos.filter((t) => layerOf(t) > layerOf(m) || (layerOf(m) === layerOf('checks/x') && !/^(checks\/|src\/sdk\.ts$)/.test(t))).map((t) => `${m} -> ${t}`),
    );
    expect(upward.sort()).toEqual([]);
  });
});
