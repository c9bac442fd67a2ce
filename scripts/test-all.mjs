/**
 * `npm test`: every check, in order — Chromium present, typecheck, lint,
 * vitest (unit and model tests, story tests), production build, the bundle
 * budget (bench:check: initialJs over the floor), end-to-end.
 * It goes on after a failure so one run shows everything, then closes with the
 * plain line `N passed, N failed` that CI reads (vitest's own summary is not
 * among the runners CI reads). Typecheck, lint, build and bench:check count as one test each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args, count) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = result.status === 0;
  if (count) {
    const counted = count();
    passed += counted.passed;
    failed += counted.failed;
    if (!ok && counted.failed === 0) {
      failed += 1;
      failures.push(`${name} (exit ${String(result.status)})`);
    } else if (counted.failed > 0) failures.push(`${name} (${String(counted.failed)} failed)`);
  } else if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return ok;
}

const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

step('chromium', 'bash', ['scripts/ensure-chromium.sh']);
step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
rmSync('test-results/vitest.json', { force: true });
step(
  'vitest',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  () => {
    const report = readJson('test-results/vitest.json');
    if (!report) return { passed: 0, failed: 1 };
    const pending = report.numPendingTests + report.numTodoTests;
    if (pending > 0) failures.push(`${String(pending)} skipped or todo tests`);
    return { passed: report.numPassedTests, failed: report.numFailedTests + pending };
  },
);
step('build', 'npx', ['vite', 'build']);
// The one deterministic speed measure (initialJs over the floor), on the build just made; counts as one check.
step('bench:check', 'node', ['bench/check.mjs', '--app=dist']);
rmSync('test-results/e2e.json', { force: true });
step('e2e', 'node', ['tests/e2e/run.mjs'], () => {
  const report = readJson('test-results/e2e.json');
  return report ? { passed: report.passed, failed: report.failed } : { passed: 0, failed: 1 };
});

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${String(passed)} passed, ${String(failed)} failed`);
process.exit(failed === 0 ? 0 : 1);
