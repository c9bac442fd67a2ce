/**
 * `node bench/modules.mjs`: which modules make up the JavaScript the app loads
 * before first interaction (the initialJs measure), biggest first, grouped by
 * package (or by src/ folder), from Rollup's rendered lengths (minified bytes,
 * before gzip). Builds into bench/.out/modules. `BY_FILE=1` lists single
 * modules instead of packages and folders.
 */
import { build } from 'vite';
import { outDirOf, ROOT } from './lib/build.mjs';
import { initialScripts } from './lib/initialJs.mjs';

const chunks = new Map();
const outDir = outDirOf('modules');
await build({
  root: ROOT,
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true },
  plugins: [
    {
      name: 'bench-record-modules',
      generateBundle(_options, bundle) {
        for (const [file, output] of Object.entries(bundle))
          if (output.type === 'chunk') chunks.set(`/${file}`, output.modules);
      },
    },
  ],
});

const groupOf = process.env.BY_FILE
  ? (id) => id.replace(ROOT, '')
  : (id) => {
      const path = id.replace(/\\/g, '/');
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      if (pkg) return pkg[1];
      const own = /\/(src\/[^/]+\/[^/]+|src\/[^/]+|machines)\//.exec(path.replace(ROOT.replace(/\\/g, '/'), '/'));
      return own ? own[1] : path.replace(ROOT, '');
    };

const groups = new Map();
let total = 0;
for (const script of initialScripts(outDir)) {
  const modules = chunks.get(script.file);
  if (!modules) continue;
  console.log(`${script.file}: ${String(script.gzip)} B gzip`);
  for (const [id, info] of Object.entries(modules)) {
    groups.set(groupOf(id), (groups.get(groupOf(id)) ?? 0) + info.renderedLength);
    total += info.renderedLength;
  }
}
console.log(`\nModules in the initial JavaScript (minified bytes, ${String(total)} in all):`);
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${String(bytes).padStart(9)}  ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${group}`);
