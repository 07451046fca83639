// Shows executed notebooks' outputs with JupyterLab 4's output area (bundle from bundle.mjs) in
// Debian's headless Chromium and reports what each output shows, as JSON.
//
//   node drive.mjs --bundle DIR --out REPORT.json [--saved NOTEBOOK.ipynb]... [--live MESSAGES.json]...
//
// --saved: a notebook as JupyterLab shows it when opened, in four ways: with and without the plotly
//          extension, trusted (signed) and untrusted (as `./flatline run` leaves it).
// --live:  a notebook's recorded IOPub messages fed, one by one, through each output area's own
//          message handling, as JupyterLab shows a running notebook (outputs made in the session are
//          trusted), with and without the plotly extension; after each output message the cell's
//          outputs are reported (a "frame").
// Everything is offline: the page and bundle are served from DIR through page.route, every other
// request is refused and reported. Exit status 0 when every page ran, 1 on a failure, 2 on bad usage.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, basename, extname } from 'node:path';

const ORIGIN = 'http://jupyterlab.flatline.test/';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const OUTPUT_MESSAGES = new Set(['display_data', 'update_display_data', 'execute_result', 'stream', 'error', 'clear_output']);

function parseArgs(argv) {
  const args = { saved: [], live: [], browser: process.env.FLATLINE_CHROMIUM || '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = argv[i + 1];
    if (value === undefined) {
      usage(`${key} needs a value`);
    }
    i++;
    if (key === '--bundle') args.bundle = value;
    else if (key === '--out') args.out = value;
    else if (key === '--saved') args.saved.push(value);
    else if (key === '--live') args.live.push(value);
    else if (key === '--browser') args.browser = value;
    else usage(`unknown option ${key}`);
  }
  if (!args.bundle || !args.out || args.saved.length + args.live.length === 0) {
    usage('--bundle, --out and at least one --saved or --live are required');
  }
  return args;
}

function usage(problem) {
  console.error(`drive.mjs: ${problem}\nusage: node drive.mjs --bundle DIR --out REPORT.json [--saved NOTEBOOK.ipynb]... [--live MESSAGES.json]...`);
  process.exit(2);
}

async function openPage(browser, bundle, plotly, trusted) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems = { consoleErrors: [], blockedRequests: [] };
  page.on('console', message => {
    if (message.type() === 'error') {
      problems.consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', error => problems.consoleErrors.push(`Uncaught ${error.name}: ${error.message}`));
  await context.route('**/*', route => {
    const url = route.request().url();
    if (!url.startsWith(ORIGIN)) {
      problems.blockedRequests.push(url);
      return route.abort('blockedbyclient');
    }
    const file = new URL(url).pathname.slice(1) || 'index.html';
    try {
      return route.fulfill({ status: 200, contentType: TYPES[extname(file)] || 'application/octet-stream',
        body: readFileSync(join(bundle, basename(file))) });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  const started = performance.now();
  await page.goto(ORIGIN + 'index.html');
  await page.waitForFunction(() => window.flatlineLab !== undefined);
  const loadMs = Math.round(performance.now() - started);
  await page.evaluate(options => window.flatlineLab.open(options), { plotly, trusted });
  return { context, page, problems, loadMs };
}

async function showSaved(browser, bundle, notebookPath, plotly, trusted) {
  const notebook = JSON.parse(readFileSync(notebookPath, 'utf8'));
  const { context, page, problems, loadMs } = await openPage(browser, bundle, plotly, trusted);
  try {
    const started = performance.now();
    const cellIndexes = [];
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type === 'code') {
        await page.evaluate(outputs => window.flatlineLab.addSavedCell(outputs), cell.outputs || []);
        cellIndexes.push(index);
      }
    }
    const settled = await page.evaluate(() => window.flatlineLab.settle(1000, 60000));
    const cells = await page.evaluate(() => window.flatlineLab.report());
    cells.forEach((cell, i) => { cell.notebookCell = cellIndexes[i]; });
    return { kind: 'saved', source: notebookPath, plotly, trusted, loadMs, drawMs: settled.lastChangeMs,
      settled: settled.quiet, wallMs: Math.round(performance.now() - started) + loadMs, cells, ...problems };
  } finally {
    await context.close();
  }
}

async function replayLive(browser, bundle, messagesPath, plotly) {
  const recording = JSON.parse(readFileSync(messagesPath, 'utf8'));
  const { context, page, problems, loadMs } = await openPage(browser, bundle, plotly, true);
  try {
    const started = performance.now();
    const frames = [];
    for (const cell of recording.cells) {
      const area = await page.evaluate(() => window.flatlineLab.addLiveCell());
      for (const [index, message] of cell.messages.entries()) {
        await page.evaluate(([a, m]) => window.flatlineLab.feed(a, m), [area, message]);
        const type = message.header.msg_type;
        if (OUTPUT_MESSAGES.has(type) && type !== 'stream') {
          const settled = await page.evaluate(() => window.flatlineLab.settle(400, 20000));
          const report = await page.evaluate(() => window.flatlineLab.report());
          frames.push({ notebookCell: cell.index, message: index, msgType: type,
            displayId: (message.content.transient || {}).display_id || null,
            plainText: ((message.content.data || {})['text/plain']) ?? null,
            settled: settled.quiet, outputs: report[area].outputs });
        }
      }
    }
    const settled = await page.evaluate(() => window.flatlineLab.settle(1000, 60000));
    const cells = await page.evaluate(() => window.flatlineLab.report());
    cells.forEach((cell, i) => { cell.notebookCell = recording.cells[i].index; });
    return { kind: 'live', source: messagesPath, plotly, trusted: true, loadMs,
      wallMs: Math.round(performance.now() - started) + loadMs, settled: settled.quiet, cells, frames, ...problems };
  } finally {
    await context.close();
  }
}

const args = parseArgs(process.argv.slice(2));
const browser = await chromium.launch({
  executablePath: args.browser,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const report = { browser: browser.version(), runs: [] };
let failed = false;
try {
  for (const notebook of args.saved) {
    for (const plotly of [true, false]) {
      for (const trusted of [true, false]) {
        report.runs.push(await showSaved(browser, args.bundle, notebook, plotly, trusted));
      }
    }
  }
  for (const messages of args.live) {
    for (const plotly of [true, false]) {
      report.runs.push(await replayLive(browser, args.bundle, messages, plotly));
    }
  }
} catch (error) {
  failed = true;
  report.failure = String(error && error.stack || error);
  console.error(report.failure);
} finally {
  await browser.close();
  writeFileSync(args.out, JSON.stringify(report, null, 1));
}
for (const run of report.runs) {
  console.log(`${basename(run.source)} ${run.kind} plotly-extension=${run.plotly} trusted=${run.trusted}: `
    + `page ${run.loadMs} ms, outputs drawn ${run.drawMs ?? '-'} ms, total ${run.wallMs} ms, `
    + `${run.cells.reduce((n, c) => n + c.outputs.reduce((m, o) => m + o.charts, 0), 0)} charts, `
    + `${run.consoleErrors.length} console errors`);
}
process.exit(failed ? 1 : 0);
