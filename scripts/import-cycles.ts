// Finds import cycles among the project's own modules, type-only imports included: a cycle, even of types, means a
// shared type or key lives in an implementation file instead of a leaf. Prints the graph's size and every cycle
// (strongly connected component); exits 1 when there is one. Usage: node --import tsx scripts/import-cycles.ts
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const ROOTS = ['engine', 'schemas', 'portal', 'bench', 'common', 'scripts', 'test'];
/** `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')` and `import type`, over several lines. */
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

export interface ImportGraph {
  modules: string[];
  edges: Map<string, string[]>;
}

export function projectModules(cwd = process.cwd()): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...ROOTS], {
    cwd,
    encoding: 'utf8',
  });
  return out.split('\n').filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'));
}

/** Strips comments so that an import named in a comment is no edge (string contents are left alone). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

export function importGraph(cwd = process.cwd()): ImportGraph {
  const modules = projectModules(cwd);
  const known = new Set(modules);
  const edges = new Map<string, string[]>();
  for (const file of modules) {
    const text = withoutComments(readFileSync(join(cwd, file), 'utf8'));
    const targets = new Set<string>();
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec?.startsWith('.')) continue;
      const target = normalize(join(dirname(file), spec));
      if (known.has(target)) targets.add(target);
    }
    edges.set(file, [...targets].sort());
  }
  return { modules, edges };
}

/** Tarjan's strongly connected components; a component of two or more modules, or a self-import, is a cycle. */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.modules) if (!index.has(v)) connect(v);
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const graph = importGraph();
  const cycles = importCycles(graph);
  const edgeCount = [...graph.edges.values()].reduce((n, e) => n + e.length, 0);
  console.log(`import graph: ${graph.modules.length} modules, ${edgeCount} edges, ${cycles.length} cycles`);
  for (const c of cycles) console.log(`cycle (${c.length}): ${c.join(' ↔ ')}`);
  process.exit(cycles.length > 0 ? 1 : 0);
}
