/**
 * `npm start [-- --port P --db FILE|URL --host H]` (every flag of server/config.ts): build the app when dist/ is
 * missing or older than its sources, then start the Paraat server (which
 * serves the app, the API and live sessions from one port; see server/main.ts).
 * The offline, one-device mode is the same app: it needs no server after the
 * first load, and `npm run dev` still runs Vite alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'machines', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

/** The newest modification time under `entry` (ms). */
function newest(entry) {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((latest, child) => Math.max(latest, newest(path.join(entry, child))), stat.mtimeMs);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const built = path.join(ROOT, 'dist', 'index.html');
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newest))) {
  console.log('De app wordt gebouwd… / Building the app…');
  run(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
}
run('npm', ['run', 'server', '--silent', '--', ...process.argv.slice(2)]);
