// Bundles page/lab-page.js (JupyterLab 4's output area, renderers and light theme, optionally with
// the plotly extension's renderer) into OUTDIR/lab-page.js + lab-page.css + index.html.
//
//   node bundle.mjs OUTDIR
//
// Prints one line: "bundled in N ms". Everything comes from node_modules (installed by `npm ci`).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node bundle.mjs OUTDIR');
  process.exit(2);
}

// jupyterlab-plotly 5.24 depends on lumino 1 and gets its own nested copy; JupyterLab has one
// lumino (2) for everything, so every @lumino import resolves to the top-level copy, as there.
const oneLumino = {
  name: 'one-lumino',
  setup(build) {
    build.onResolve({ filter: /^@lumino\// }, args => {
      if (args.pluginData === 'top-level' || !args.resolveDir.includes('/node_modules/jupyterlab-plotly')) {
        return undefined;
      }
      return build.resolve(args.path, { resolveDir: here, kind: args.kind, pluginData: 'top-level' });
    });
  },
};

// JupyterLab's packages import their icons as SVG text (webpack raw-loader), while CSS url()s need
// the file itself: SVG imported from JavaScript becomes text, from CSS a data URL.
const svgInCss = {
  name: 'svg-in-css',
  setup(build) {
    build.onResolve({ filter: /\.svg$/ }, args => args.kind === 'url-token'
      ? { path: join(args.resolveDir, args.path), namespace: 'svg-url' }
      : undefined);
    build.onLoad({ filter: /.*/, namespace: 'svg-url' }, async args => ({
      contents: await readFile(args.path),
      loader: 'dataurl',
    }));
  },
};

const started = performance.now();
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [join(here, 'page/lab-page.js')],
  bundle: true,
  outdir: out,
  format: 'iife',
  target: 'chrome120',
  minify: false,
  sourcemap: false,
  logLevel: 'warning',
  plugins: [oneLumino, svgInCss],
  loader: { '.svg': 'text', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
});
copyFileSync(join(here, 'page/index.html'), join(out, 'index.html'));
console.log(`bundled in ${Math.round(performance.now() - started)} ms`);
