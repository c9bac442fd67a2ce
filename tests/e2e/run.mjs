/**
 * Runs every spec in tests/e2e/specs against the built app (`npm run build`
 * first) and prints a closing line `e2e: N passed, N failed`.
 * A spec module exports `tests`: an array of { name, run({ browser, url }) }.
 */
import { readdir, writeFile, mkdir } from 'node:fs/promises';
import { launchBrowser, startPreview } from './lib.mjs';

const only = process.argv[2];
const port = Number(process.env.E2E_PORT ?? 4319);
const server = await startPreview(port);
const browser = await launchBrowser();
const results = [];
try {
  const files = (await readdir(new URL('./specs/', import.meta.url))).filter((file) => file.endsWith('.mjs')).sort();
  for (const file of files) {
    const { tests } = await import(`./specs/${file}`);
    for (const test of tests) {
      const title = `${file} › ${test.name}`;
      if (only && !title.includes(only)) continue;
      const started = Date.now();
      try {
        await test.run({ browser, url: server.url });
        results.push({ title, ok: true });
        console.log(`  ✓ ${title} (${Date.now() - started} ms)`);
      } catch (error) {
        results.push({ title, ok: false, error: String(error?.stack ?? error) });
        console.log(`  ✗ ${title}\n${String(error?.stack ?? error)}`);
      }
    }
  }
} finally {
  await browser.close();
  server.stop();
}
const passed = results.filter((result) => result.ok).length;
const failed = results.length - passed;
await mkdir('test-results', { recursive: true });
await writeFile('test-results/e2e.json', JSON.stringify({ passed, failed, results }, null, 2));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
