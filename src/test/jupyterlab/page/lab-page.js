// A page that shows notebook outputs the way JupyterLab 4 does: per code cell an OutputArea over an
// OutputAreaModel with a RenderMimeRegistry of JupyterLab's standard renderer factories, optionally
// with the plotly extension's renderer added at its rank (as JupyterLab adds a mime extension).
// Driven from drive.mjs through window.flatlineLab.
import '@jupyterlab/theme-light-extension/style/variables.css';
import '@jupyterlab/theme-light-extension/style/theme.css';
import '@jupyterlab/outputarea/style/index.js';
import 'jupyterlab-plotly/style/index.css';
import { OutputArea, OutputAreaModel } from '@jupyterlab/outputarea';
import { RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';
import { Widget } from '@lumino/widgets';
// The mime-extension entry, not the package main (which pulls in ipywidgets).
import plotlyExtensions from 'jupyterlab-plotly/lib/plotly-renderer.js';

const TRUST_LINE = /trust the notebook/i;

let rendermime = null;
let trusted = false;
const cells = [];
let firstCellAt = null;

// When the page last changed: any DOM mutation, and each output message or cell given to it (so a
// renderer that starts drawing only after a promise is still waited for).
let lastMutation = performance.now();
new MutationObserver(() => {
  lastMutation = performance.now();
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });

/** Stands in for a kernel future: OutputArea installs its own IOPub handler on it. */
class ReplayFuture {
  constructor() {
    this.onIOPub = null;
    this.onReply = null;
    this.onStdin = null;
    this.isDisposed = false;
    this.done = new Promise(() => {});
  }
  dispose() {
    this.isDisposed = true;
  }
}

/** nbformat stores multi-line strings as lists of lines; Jupyter's server joins them before the front end sees them. */
function joinLines(output) {
  const copy = { ...output };
  if (Array.isArray(copy.text)) {
    copy.text = copy.text.join('');
  }
  if (copy.data) {
    const data = {};
    for (const [mime, value] of Object.entries(copy.data)) {
      const isJson = mime === 'application/json' || /^application\/(.+\+)?json$/.test(mime);
      data[mime] = !isJson && Array.isArray(value) ? value.join('') : value;
    }
    copy.data = data;
  }
  return copy;
}

function open(options) {
  rendermime = new RenderMimeRegistry({ initialFactories: standardRendererFactories });
  if (options.plotly) {
    for (const extension of plotlyExtensions) {
      rendermime.addFactory(extension.rendererFactory, extension.rank);
    }
  }
  trusted = !!options.trusted;
  return rendermime.mimeTypes;
}

function newArea() {
  firstCellAt = firstCellAt ?? performance.now();
  const model = new OutputAreaModel({ trusted });
  const area = new OutputArea({ model, rendermime });
  const host = document.createElement('div');
  host.className = 'jp-Cell jp-CodeCell jp-Notebook-cell';
  host.dataset.cell = String(cells.length);
  document.getElementById('notebook').appendChild(host);
  Widget.attach(area, host);
  cells.push({ area, model, future: null });
  return cells.length - 1;
}

/** A cell of a saved notebook: its stored outputs, as JupyterLab shows them when the notebook is opened. */
function addSavedCell(outputs) {
  const index = newArea();
  lastMutation = performance.now();
  cells[index].model.fromJSON(outputs.map(joinLines));
  return index;
}

/** A cell that is running: its outputs arrive as IOPub messages through OutputArea's own handler. */
function addLiveCell() {
  const index = newArea();
  const future = new ReplayFuture();
  cells[index].area.future = future;
  cells[index].future = future;
  return index;
}

function feed(cell, message) {
  lastMutation = performance.now();
  cells[cell].future.onIOPub(message);
}


/** Waits until plotly.js (flatline's loader, if any) is ready and the DOM has been still for quietMs. */
async function settle(quietMs, maxMs) {
  const started = performance.now();
  const deadline = started + maxMs;
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
  await sleep(0);
  if (window.flatlinePlotly) {
    await Promise.race([window.flatlinePlotly.catch(() => null), sleep(maxMs)]);
  }
  while (performance.now() < deadline && performance.now() - lastMutation < quietMs) {
    await sleep(50);
  }
  return { lastChangeMs: Math.max(0, Math.round(lastMutation - (firstCellAt ?? started))), quiet: performance.now() < deadline };
}

function visible(textNode) {
  const element = textNode.parentElement;
  if (!element || !element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
    return false;
  }
  const range = document.createRange();
  range.selectNodeContents(textNode);
  const box = range.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

function describe(node, outputModel) {
  const plots = [...node.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelector('svg'));
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let trustLine = 'absent';
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (TRUST_LINE.test(t.textContent)) {
      trustLine = visible(t) ? 'visible' : 'hidden';
      if (trustLine === 'visible') {
        break;
      }
    }
  }
  const data = outputModel ? outputModel.data : {};
  return {
    mimeTypes: Object.keys(data),
    plainText: typeof data['text/plain'] === 'string' ? data['text/plain'] : null,
    rendered: outputModel ? rendermime.preferredMimeType(data, outputModel.trusted ? 'any' : 'ensure') || null : null,
    trusted: outputModel ? outputModel.trusted : null,
    charts: plots.length,
    titles: plots.map(p => [...p.querySelectorAll('.gtitle')].map(t => t.textContent).join(' ')),
    trustLine,
    text: node.innerText.slice(0, 300),
  };
}

/** What each cell's output area shows now: per output its charts, chart titles and visible text. */
function report() {
  return cells.map(({ area, model }, cell) => ({
    cell,
    outputs: area.widgets.map((child, index) => ({
      index,
      outputType: index < model.length ? model.get(index).type : null,
      ...describe(child.node, index < model.length ? model.get(index) : null),
    })),
  }));
}

window.flatlineLab = { open, addSavedCell, addLiveCell, feed, settle, report };
