import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every user-facing string goes through a translation ref. This scans the React sources of the
// frontend packages and every plugin for text a user could read that is written straight into JSX.
const repoDir = resolve(import.meta.dirname, '../../../..');
const scannedPackages = ['app-core', 'ui', 'frontend-plugin-api', 'app'];

async function scannedSourceDirs(): Promise<string[]> {
  const plugins = await readdir(join(repoDir, 'plugins'));
  return [
    ...scannedPackages.map(name => join(repoDir, 'packages', name, 'src')),
    ...plugins.map(name => join(repoDir, 'plugins', name, 'src')),
  ];
}
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'title',
  'subtitle',
  'subheader',
  'description',
  'placeholder',
  'alt',
  'label',
  'helperText',
  'primary',
  'secondary',
]);
// Text is user-facing when it has a letter in it; "404", ":" or "·" are not words to translate.
const HAS_LETTER = /\p{L}/u;

async function tsxFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = await Promise.all(
    entries.map(async entry => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsxFiles(path);
      return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
    }),
  );
  return files.flat();
}

/** `file:line: text` for each literal piece of JSX text or text attribute. */
function findLiteralText(fileName: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${fileName}:${line + 1}: ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sourceFile))) {
      const value = node.initializer;
      const literal =
        value && ts.isStringLiteral(value)
          ? value
          : value &&
              ts.isJsxExpression(value) &&
              value.expression &&
              ts.isStringLiteral(value.expression)
            ? value.expression
            : undefined;
      if (literal && HAS_LETTER.test(literal.text)) report(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('no literal text in JSX', () => {
  it('finds literal text, and leaves translated text and numbers alone', () => {
    const found = findLiteralText(
      'Sample.tsx',
      `export const A = () => <p title="Hello">Save {t('x')} 404 <b aria-label={t('y')}>·</b><i alt={'Go'} /></p>;`,
    );
    expect(found).toEqual(['Sample.tsx:1: "Hello"', 'Sample.tsx:1: "Save"', 'Sample.tsx:1: "Go"']);
  });

  it('finds none in the frontend packages and plugins', async () => {
    const files = (await Promise.all((await scannedSourceDirs()).map(tsxFiles))).flat();
    expect(files.length).toBeGreaterThan(10);
    expect(files.some(file => file.includes('/plugins/catalog-import/'))).toBe(true);
    const found: string[] = [];
    for (const file of files) {
      found.push(...findLiteralText(relative(repoDir, file), await readFile(file, 'utf8')));
    }
    expect(found).toEqual([]);
  });
});
