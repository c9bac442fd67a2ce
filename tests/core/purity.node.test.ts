// @vitest-environment node
/**
 * Issue #13 item 1, "Done when": src/core has no import of react, react-dom,
 * src/session, src/features or src/app, and names no window, document,
 * localStorage, indexedDB or Date.now — nor anything else that would make
 * the same attempt give another entry on another host (Math.random,
 * crypto.randomUUID, crypto.getRandomValues, performance.now: ids and time
 * are arguments; ARCHITECTURE.md, "The next shape").
 *
 * Every file under src/core is parsed with the TypeScript compiler, so a word
 * in a comment or a string is not a finding; import specifiers are resolved
 * relative to the file. The local modules the core reaches (the model, the
 * scenario schema) are held to the same rules, and may be only those: a
 * pure leaf added to the core's reach is added to REACHABLE on purpose.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORE = path.join(ROOT, 'src/core');

/** Folders the core may never import from (the layers above it). */
const FORBIDDEN_FOLDERS = ['src/session', 'src/features', 'src/app'];
/** Packages the core may use: validation, the statechart, hashing, canonical JSON. */
const ALLOWED_PACKAGES = ['zod', 'xstate', '@noble/hashes', 'safe-stable-stringify'];
/** Local modules outside src/core that the core may reach: pure leaves. */
const REACHABLE = ['machines/', 'src/scenarios/schema.ts', 'src/scenarios/audiences.ts', 'src/validation/'];
/** Globals of a browser or of storage. */
const FORBIDDEN_GLOBALS = new Set(['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator']);
/** Calls that read the clock or make up randomness. */
const FORBIDDEN_MEMBERS: Record<string, string[]> = {
  Date: ['now'],
  Math: ['random'],
  crypto: ['randomUUID', 'getRandomValues'],
  performance: ['now'],
};
const GLOBAL_OBJECTS = new Set(['globalThis', 'self', 'window']);

interface Finding {
  /** Relative to the repository. */
  file: string;
  line: number;
  /** The import specifier or the global named. */
  word: string;
  why: string;
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);

/** `x.window` names a property, not the global, unless `x` is the global object. */
function namesAProperty(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node)
    return !(ts.isIdentifier(parent.expression) && GLOBAL_OBJECTS.has(parent.expression.text));
  return (
    ((ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isEnumMember(parent) ||
      ts.isBindingElement(parent)) &&
      parent.name === node) ||
    (ts.isBindingElement(parent) && parent.propertyName === node) ||
    ts.isQualifiedName(parent)
  );
}

/** The specifiers a file imports or re-exports, static, dynamic or required, with their line. */
function specifiersOf(source: ts.SourceFile): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  const add = (literal: ts.Node) => {
    if (ts.isStringLiteralLike(literal))
      found.push({ specifier: literal.text, line: source.getLineAndCharacterOfPosition(literal.getStart()).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      add(node.moduleSpecifier);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0]
    )
      add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The module file a relative specifier names, as the bundler resolves it ('./log' → log.ts, '../../machines' → index.ts). */
function resolveLocal(from: string, specifier: string, exists: (file: string) => boolean): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
  return candidates.find((candidate) => /\.tsx?$/.test(candidate) && exists(candidate)) ?? null;
}

/**
 * What in one file breaks the core's purity. `fileName` is absolute: relative
 * imports are resolved from it. Returns the findings and the local modules the
 * file imports, so the caller can follow them.
 */
function checkPurity(
  fileName: string,
  text: string,
  exists: (file: string) => boolean = () => false,
): { findings: Finding[]; imports: string[] } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const file = relative(fileName);
  const findings: Finding[] = [];
  const imports: string[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;

  for (const { specifier, line } of specifiersOf(source)) {
    if (specifier.startsWith('.')) {
      const target = relative(path.resolve(path.dirname(fileName), specifier));
      const layer = FORBIDDEN_FOLDERS.find((folder) => target === folder || target.startsWith(`${folder}/`));
      if (layer) {
        findings.push({ file, line, word: specifier, why: `imports ${layer}, a layer above the core` });
        continue;
      }
      const resolved = resolveLocal(fileName, specifier, exists);
      if (resolved) imports.push(resolved);
      else findings.push({ file, line, word: specifier, why: 'imports a module that is not there' });
    } else if (!ALLOWED_PACKAGES.includes(packageOf(specifier))) {
      findings.push({ file, line, word: specifier, why: `imports the package ${packageOf(specifier)}` });
    }
  }

  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !namesAProperty(node))
      findings.push({ file, line: lineOf(node), word: node.text, why: 'names a browser or storage global' });
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const owner = node.expression;
      const member = ts.isPropertyAccessExpression(node)
        ? node.name.text
        : ts.isStringLiteralLike(node.argumentExpression)
          ? node.argumentExpression.text
          : null;
      // `Date.now`, and `globalThis.Date.now` too.
      const ownerName = ts.isIdentifier(owner)
        ? owner.text
        : ts.isPropertyAccessExpression(owner) &&
            ts.isIdentifier(owner.expression) &&
            GLOBAL_OBJECTS.has(owner.expression.text)
          ? owner.name.text
          : null;
      if (ownerName && member && FORBIDDEN_MEMBERS[ownerName]?.includes(member))
        findings.push({
          file,
          line: lineOf(node),
          word: `${ownerName}.${member}`,
          why: 'reads the clock or makes up randomness: time and ids are arguments',
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { findings, imports };
}

/** `files`, then every local module they reach, each checked once; reaching anything but the core and its leaves is a finding. */
function checkReach(
  files: readonly string[],
  read: (file: string) => string,
  exists: (file: string) => boolean,
): { findings: Finding[]; checked: string[] } {
  const queue = [...files];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const name = relative(file);
    if (
      !name.startsWith('src/core/') &&
      !REACHABLE.some((leaf) => name === leaf || (leaf.endsWith('/') && name.startsWith(leaf)))
    )
      findings.push({
        file: name,
        line: 1,
        word: name,
        why: 'is reached from the core but is not one of its pure leaves',
      });
    const result = checkPurity(file, read(file), exists);
    findings.push(...result.findings);
    queue.push(...result.imports);
  }
  return { findings, checked: [...seen].map(relative).sort() };
}

const coreFiles = () =>
  readdirSync(CORE, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(CORE, name));

const words = (findings: Finding[]) => findings.map(({ file, line, word }) => `${file}:${String(line)} ${word}`);

describe('the purity of src/core', () => {
  it('has no forbidden import or global in any file it holds or reaches', () => {
    const { findings, checked } = checkReach(coreFiles(), (file) => readFileSync(file, 'utf8'), existsSync);
    // The walk did reach the core's files and the leaves it uses.
    expect(checked).toEqual(
      expect.arrayContaining(['src/core/index.ts', 'src/core/log.ts', 'machines/index.ts', 'src/scenarios/schema.ts']),
    );
    expect(findings.map(({ file, line, word, why }) => `${file}:${String(line)} ${word}: ${why}`)).toEqual([]);
  });

  it('names the file and the word of each forbidden import and global in a fixture, and not words in comments or strings', () => {
    const fixture = path.join(CORE, 'fixture.ts');
    const text = [
      "import { ExerciseStore } from '../session/store';",
      "import type { Screen } from '../app/screens/Console';",
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "export { Panel } from '../features/console/Panel';",
      '// window, document and Date.now() in a comment are not findings;',
      "const label = 'nor localStorage in a string';",
      '/* nor indexedDB here */',
      'export const stamp = () => Date.now();',
      'export const id = () => crypto.randomUUID() + String(Math.random());',
      'export const width = () => window.innerWidth + globalThis.document.title.length;',
      "export const saved = () => localStorage.getItem('x') ?? indexedDB.open('paraat');",
      'export const late = () => import("../session/local/idbExerciseStore");',
      'export const options = { document: label };',
    ].join('\n');
    const { findings } = checkPurity(fixture, text);
    expect(words(findings)).toEqual([
      'src/core/fixture.ts:1 ../session/store',
      'src/core/fixture.ts:2 ../app/screens/Console',
      'src/core/fixture.ts:3 react',
      'src/core/fixture.ts:4 react-dom/client',
      'src/core/fixture.ts:5 ../features/console/Panel',
      'src/core/fixture.ts:13 ../session/local/idbExerciseStore',
      'src/core/fixture.ts:9 Date.now',
      'src/core/fixture.ts:10 crypto.randomUUID',
      'src/core/fixture.ts:10 Math.random',
      'src/core/fixture.ts:11 window',
      'src/core/fixture.ts:11 document',
      'src/core/fixture.ts:12 localStorage',
      'src/core/fixture.ts:12 indexedDB',
    ]);
  });

  it('follows relative imports out of the core, and finds a module that is not a pure leaf and a package it may not use', () => {
    const files = new Map([
      [
        path.join(CORE, 'fixture.ts'),
        "import { escalationMachine } from '../../machines';\nimport { downloadText } from '../ui/download';\nimport * as z from 'zod/mini';",
      ],
      [path.join(ROOT, 'machines/index.ts'), "export * from './types';"],
      [path.join(ROOT, 'machines/types.ts'), 'export type Role = string;'],
      [
        path.join(ROOT, 'src/ui/download.ts'),
        "import { produce } from 'immer';\nexport const downloadText = () => document.title;",
      ],
    ]);
    const { findings, checked } = checkReach(
      [path.join(CORE, 'fixture.ts')],
      (file) => files.get(file) ?? '',
      (file) => files.has(file),
    );
    expect(checked).toEqual(['machines/index.ts', 'machines/types.ts', 'src/core/fixture.ts', 'src/ui/download.ts']);
    expect(words(findings)).toEqual([
      'src/ui/download.ts:1 src/ui/download.ts',
      'src/ui/download.ts:1 immer',
      'src/ui/download.ts:2 document',
    ]);
  });
});
