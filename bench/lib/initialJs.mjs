/**
 * `initialJs`: the JavaScript a built page loads before the first interaction,
 * read from its index.html — the entry `<script type="module" src>`, every
 * `<link rel="modulepreload">`, and any other same-origin classic `<script src>`
 * (the PWA's registerSW.js) — gzipped one file at a time (node:zlib, level 9
 * like a static server's precompressed files). Lazy chunks are not counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const attribute = (tag, name) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];

/** The files index.html makes the browser fetch as JavaScript up front, with their gzip sizes. */
export function initialScripts(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const sources = new Set();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attribute(tag, 'src');
    if (src) sources.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (attribute(tag, 'rel') === 'modulepreload') sources.add(attribute(tag, 'href'));
  }
  return [...sources].map((src) => {
    const bytes = readFileSync(join(outDir, src.replace(/^\//, '')));
    return { file: src, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

export function initialJsBytes(outDir) {
  return initialScripts(outDir).reduce((sum, script) => sum + script.gzip, 0);
}
