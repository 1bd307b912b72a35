/**
 * npm run sizes [-- --top N]: the longest functions and files of the project's own code (pipelines/, src/), in
 * lines, read with the TypeScript compiler's parser (the frontmatter and <script> blocks of .astro files are read as
 * TypeScript). The house aims at no function over ~80 lines and no file over ~400.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { ROOT } from '../reference/index.ts';

const { values } = parseArgs({ options: { top: { type: 'string', default: '10' } } });
const TOP = Number(values.top);

/** Every .ts and .astro file under a folder. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|astro)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The TypeScript parts of a file, with the line each starts on: a .ts file whole, an .astro file's code blocks. */
function codeOf(path: string): { code: string; line: number }[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.ts')) return [{ code: text, line: 1 }];
  const parts: { code: string; line: number }[] = [];
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  if (front) parts.push({ code: front[1]!, line: 2 });
  for (const m of text.matchAll(/<script(?![^>]*is:inline)[^>]*>([\s\S]*?)<\/script>/g))
    parts.push({ code: m[1]!, line: lineAt(m.index + m[0].indexOf('>') + 1) });
  // the frontmatter counts as one function: the code that prepares what the page shows
  if (front) parts.push({ code: `function frontmatter() {\n${front[1]!}\n}`, line: 1 });
  return parts;
}

const functions: { name: string; where: string; lines: number }[] = [];
const sizes: { where: string; lines: number }[] = [];
for (const path of [...files(join(ROOT, 'pipelines')), ...files(join(ROOT, 'src'))]) {
  const where = relative(ROOT, path);
  sizes.push({ where, lines: readFileSync(path, 'utf8').split('\n').length });
  for (const { code, line } of codeOf(path)) {
    const source = ts.createSourceFile(where, code, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, outer: string) => {
      let name = outer;
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const declared =
          (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name
            ? node.name.getText(source)
            : ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent)
              ? node.parent.name.getText(source)
              : '(anonymous)';
        name = outer ? `${outer} › ${declared}` : declared;
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        functions.push({ name, where: `${where}:${line + start}`, lines: end - start + 1 });
      }
      ts.forEachChild(node, (child) => visit(child, name));
    };
    visit(source, '');
  }
}

const table = (rows: { label: string; lines: number }[]) =>
  rows
    .slice(0, TOP)
    .map((r) => `  ${String(r.lines).padStart(5)}  ${r.label}`)
    .join('\n');
console.log(
  `longest functions (lines)\n${table([...functions].sort((a, b) => b.lines - a.lines).map((f) => ({ label: `${f.name}  ${f.where}`, lines: f.lines })))}`,
);
console.log(
  `\nlongest files (lines)\n${table([...sizes].sort((a, b) => b.lines - a.lines).map((f) => ({ label: f.where, lines: f.lines })))}`,
);
console.log(
  `\n${functions.filter((f) => f.lines > 80).length} functions over 80 lines, ${sizes.filter((f) => f.lines > 400).length} files over 400 lines`,
);
