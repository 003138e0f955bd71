// The import graph has no cycle, type-only imports included (a cycle means a shared type or key lives in an
// implementation file instead of a leaf), and common/ stays a leaf. The finder itself is checked on small trees.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../scripts/import-cycles.ts';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

const trees: string[] = [];
afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throw-away git work tree holding `files` (path → text), untracked: the finder lists untracked files too. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aidstock-cycles-'));
  trees.push(dir);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function cyclesIn(dir: string): string[][] {
  return importCycles(importGraph(dir));
}

describe('import cycle finder', () => {
  it('finds a cycle made only of type imports', () => {
    const dir = tree({
      'engine/core/order.ts': "import type { Line } from './line.ts';\nexport interface Order { lines: Line[] }\n",
      'engine/core/line.ts': "import type { Order } from './order.ts';\nexport interface Line { order?: Order }\n",
      'engine/core/leaf.ts': 'export const LEAF = 1;\n',
    });
    expect(cyclesIn(dir)).toEqual([['engine/core/line.ts', 'engine/core/order.ts']]);
  });

  it('finds a value cycle through a multi-line import, a re-export and a dynamic import, across folders', () => {
    const dir = tree({
      'engine/io/a.ts': "import {\n  b,\n  B_MAX,\n} from '../core/b.ts';\nexport const a = () => b() + B_MAX;\n",
      'engine/core/b.ts': "export { c as b, B_MAX } from './c.ts';\n",
      'engine/core/c.ts': "export const B_MAX = 1;\nexport const c = async () => (await import('../io/a.ts')).a;\n",
      'test/a.test.ts': "import { a } from '../engine/io/a.ts';\na();\n",
    });
    expect(cyclesIn(dir)).toEqual([['engine/core/b.ts', 'engine/core/c.ts', 'engine/io/a.ts']]);
  });

  it('finds a self-import and ignores imports named in comments and packages', () => {
    const dir = tree({
      'engine/self.ts': "import * as me from './self.ts';\nexport const x = me;\n",
      'engine/quiet.ts': "// import { y } from './loud.ts';\n/* import { z } from './loud.ts'; */\nimport 'zod';\n",
      'engine/loud.ts': "import './quiet.ts';\nexport const y = 1;\n",
    });
    expect(cyclesIn(dir)).toEqual([['engine/self.ts']]);
  });
});

describe('the project import graph', () => {
  const graph = importGraph(PROJECT_DIR);

  it('has no cycle', () => {
    const cycles = importCycles(graph).map((cycle) => `cycle (${cycle.length}): ${cycle.join(' ↔ ')}`);
    expect(cycles).toEqual([]);
  });

  it('keeps common/ a leaf that imports only common/', () => {
    const outward = [...graph.edges]
      .filter(([from]) => from.startsWith('common/'))
      .flatMap(([from, targets]) => targets.filter((to) => !to.startsWith('common/')).map((to) => `${from} → ${to}`));
    expect(outward).toEqual([]);
  });

  it('sees the whole tree', () => {
    const edgeCount = [...graph.edges.values()].reduce((n, targets) => n + targets.length, 0);
    console.log(`import graph: ${graph.modules.length} modules, ${edgeCount} edges`);
    expect(graph.modules).toEqual(expect.arrayContaining(['engine/main.ts', 'common/prng.ts', 'portal/app.js']));
    expect(edgeCount).toBeGreaterThan(graph.modules.length);
  });
});
