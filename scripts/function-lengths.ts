// Lists the longest functions of the tree (lines from signature to closing brace), for the style bar of ~70 lines
// a function (TigerBeetle) and ~80 lines of logic a portal component. Usage: node --import tsx scripts/function-lengths.ts [N]
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

const ROOTS = ['engine', 'schemas', 'portal', 'bench', 'common', 'scripts'];
const TOP_DEFAULT = 10;

interface FunctionSpan {
  file: string;
  name: string;
  line: number;
  lines: number;
}

function trackedSources(): string[] {
  const out = execFileSync('git', ['ls-files', '--', ...ROOTS], { encoding: 'utf8' });
  return out.split('\n').filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'));
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return '(anonymous)';
}

function spansOf(file: string): FunctionSpan[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const spans: FunctionSpan[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      spans.push({ file, name: nameOf(node), line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}

const top = Number(process.argv[2] ?? TOP_DEFAULT);
const spans = trackedSources().flatMap(spansOf);
spans.sort((a, b) => b.lines - a.lines);
for (const s of spans.slice(0, top)) console.log(`${String(s.lines).padStart(5)}  ${s.file}:${s.line}  ${s.name}`);
