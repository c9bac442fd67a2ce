/**
 * `npm run bench:check`: the one deterministic measure, asserted. Builds the
 * app and the floor into bench/.out/ (or reads an existing app build with
 * `--app=<dir>`, e.g. `--app=dist` right after `npm run build`) and fails when
 * the JavaScript loaded before first interaction, gzipped, is more than
 * BUDGETS.initialJs times the floor's. The timed measures are `npm run bench`'s
 * to report, never asserted: the machine is shared and noisy.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUDGETS } from './lib/budgets.mjs';
import { buildApp, buildPage, ROOT } from './lib/build.mjs';
import { initialJsBytes, initialScripts } from './lib/initialJs.mjs';

const BUDGET = BUDGETS.initialJs;

const given = process.argv.find((arg) => arg.startsWith('--app='))?.slice('--app='.length);
const appDir = given ? resolve(ROOT, given) : await buildApp();
if (!existsSync(resolve(appDir, 'index.html'))) {
  console.error(`No built app in ${appDir}`);
  process.exit(1);
}
const floorDir = await buildPage('floor');

const ours = initialJsBytes(appDir);
const floor = initialJsBytes(floorDir);
const ratio = ours / floor;
for (const script of initialScripts(appDir)) console.log(`  ${script.file}: ${String(script.gzip)} B gzip`);
console.log(
  `initialJs: ${String(ours)} B gzip over the floor's ${String(floor)} B = ${ratio.toFixed(2)}× (budget ${String(BUDGET)}×)`,
);
if (ratio > BUDGET) {
  console.error('initialJs is over budget: lazy-load what the first screen does not need.');
  process.exit(1);
}
