/// <reference lib="dom" />
/**
 * The health dashboard's webview script: the judged figures table and five uPlot charts fed by the
 * extension's samples. Bundled by esbuild (platform browser) into dist/webview/dashboard.js; the
 * strict CSP allows only this script (by nonce) and styles from dist/webview.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './dashboard.css';
import type { HealthSample, Judgement } from '../../src/valkey/health/index';
import type { FromWebview, ToWebview } from '../../src/views/health/dashboardProtocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

const MIB = 1024 * 1024;

interface ChartDef {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  /** CSS variables of the theme's chart colours, one per series. */
  readonly colors: readonly string[];
  readonly labels: readonly string[];
  readonly values: (s: HealthSample) => readonly (number | null)[];
  readonly range?: [number, number];
  /** Said under the chart while it has no point at all (instead of an empty chart with no reason). */
  readonly emptyNote?: string;
}

const num = (v: number | undefined, scale = 1): number | null => (v === undefined || !Number.isFinite(v) ? null : v / scale);

const CHARTS: readonly ChartDef[] = [
  { id: 'hitRatio', title: 'Hit ratio', unit: '%', colors: ['--vscode-charts-green'], labels: ['hit ratio'], values: (s) => [s.hitRatio === undefined ? null : s.hitRatio * 100], range: [0, 100], emptyNote: 'No point yet: no key was looked up (GET, HGET, …) between two samples. The table’s figure counts every lookup since the server started.' },
  { id: 'memory', title: 'Memory', unit: 'MiB', colors: ['--vscode-charts-blue', '--vscode-charts-red'], labels: ['used', 'maxmemory'], values: (s) => [num(s.usedMemory, MIB), s.maxmemory ? s.maxmemory / MIB : null] },
  { id: 'ops', title: 'Operations', unit: 'ops/s', colors: ['--vscode-charts-purple'], labels: ['ops/s'], values: (s) => [num(s.opsPerSec)] },
  { id: 'clients', title: 'Clients', unit: 'clients', colors: ['--vscode-charts-orange'], labels: ['connected'], values: (s) => [num(s.clients)] },
  { id: 'evictions', title: 'Evictions', unit: 'keys/s', colors: ['--vscode-charts-red'], labels: ['evicted/s'], values: (s) => [num(s.evictionsPerSec)] },
];

let samples: HealthSample[] = [];
const MAX_POINTS = 720;
const plots = new Map<string, uPlot>();

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function data(def: ChartDef): uPlot.AlignedData {
  const xs = samples.map((s) => s.at / 1000);
  const series = def.labels.map((_, i) => samples.map((s) => def.values(s)[i] ?? null));
  return [xs, ...series] as uPlot.AlignedData;
}

function chartWidth(container: HTMLElement): number {
  return Math.max(240, Math.floor(container.clientWidth - 8));
}

function buildCharts(): void {
  const root = document.getElementById('charts')!;
  for (const p of plots.values()) p.destroy();
  plots.clear();
  root.replaceChildren();
  const fg = cssVar('--vscode-foreground', '#ccc');
  const grid = cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
  for (const def of CHARTS) {
    const box = document.createElement('figure');
    box.className = 'chart';
    box.id = `chart-${def.id}`;
    const caption = document.createElement('figcaption');
    caption.textContent = `${def.title} (${def.unit})`;
    box.append(caption);
    if (def.emptyNote) {
      const note = document.createElement('p');
      note.className = 'chart-note';
      note.textContent = def.emptyNote;
      note.hidden = true;
      box.append(note);
    }
    root.append(box);
    const opts: uPlot.Options = {
      width: chartWidth(box),
      height: 180,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: def.range ? { range: def.range } : { range: (_u, min, max) => [Math.min(0, min ?? 0), Math.max(1, (max ?? 1) * 1.1)] } },
      axes: [
        // Whole seconds and wall-clock times (uPlot's default shows ":26.500" over a short window).
        { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, incrs: TIME_STEPS, space: 70, values: (_u, splits) => splits.map(clock) },
        { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 56 },
      ],
      series: [{}, ...def.labels.map((label, i) => ({ label, stroke: cssVar(def.colors[i]!, '#3794ff'), width: 2, spanGaps: false, dash: i > 0 ? [6, 4] : undefined }))],
    };
    plots.set(def.id, new uPlot(opts, data(def), box));
  }
  redraw();
}

/** Tick steps of the time axis, in seconds. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** `14:05:30`: the time of a tick in the user's locale, 24-hour. */
function clock(seconds: number): string {
  return new Date(seconds * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

function redraw(): void {
  let points = 0;
  for (const def of CHARTS) {
    const plot = plots.get(def.id);
    if (!plot) continue;
    const d = data(def);
    plot.setData(d);
    points += d[0].length;
    plot.root.parentElement?.setAttribute('data-points', String(d[0].length));
    if (def.emptyNote) {
      const note = document.querySelector<HTMLElement>(`#chart-${def.id} .chart-note`);
      const empty = samples.length > 0 && samples.every((sample) => def.values(sample).every((v) => v === null));
      if (note) note.hidden = !empty;
    }
  }
  document.body.dataset.samples = String(samples.length);
  if (samples.length > 0) vscode.postMessage({ type: 'drawn', charts: plots.size, points });
}

const LEVEL_SYMBOL: Record<Judgement['level'], string> = { ok: '✓', warning: '⚠', problem: '✖', unknown: '?' };

function renderTable(judgements: readonly Judgement[]): void {
  const body = document.querySelector('#figures tbody')!;
  body.replaceChildren(
    ...judgements.map((j) => {
      const tr = document.createElement('tr');
      tr.className = `level-${j.level}`;
      tr.dataset.figure = j.id;
      const level = document.createElement('td');
      level.className = 'level';
      level.textContent = LEVEL_SYMBOL[j.level];
      level.title = j.level;
      const title = document.createElement('td');
      title.textContent = j.title;
      const value = document.createElement('td');
      value.textContent = j.value;
      const sentence = document.createElement('td');
      sentence.textContent = `${j.sentence} `;
      const link = document.createElement('a');
      link.href = j.link;
      link.textContent = 'why';
      link.addEventListener('click', (e) => {
        e.preventDefault();
        vscode.postMessage({ type: 'openLink', url: j.link });
      });
      sentence.append(link);
      tr.append(level, title, value, sentence);
      return tr;
    }),
  );
  document.body.dataset.figures = String(judgements.length);
}

function setStatus(text: string, error = false): void {
  const el = document.getElementById('status')!;
  el.textContent = text;
  el.classList.toggle('error', error);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  switch (m.type) {
    case 'state':
      document.getElementById('title')!.textContent = `Health: ${m.title}`;
      samples = [...m.samples];
      renderTable(m.judgements);
      setStatus(m.status);
      redraw();
      return;
    case 'sample':
      samples.push(m.sample);
      if (samples.length > MAX_POINTS) samples = samples.slice(-MAX_POINTS);
      redraw();
      return;
    case 'judgements':
      renderTable(m.judgements);
      return;
    case 'status':
      setStatus(m.status, m.error);
      return;
  }
});

document.getElementById('audit')!.addEventListener('click', () => vscode.postMessage({ type: 'runTtlAudit' }));

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const plot of plots.values()) {
      const box = plot.root.parentElement;
      if (box) plot.setSize({ width: chartWidth(box), height: 180 });
    }
  }, 100);
});

// A theme change swaps the CSS variables on <body>: draw again with the new colours.
new MutationObserver(() => buildCharts()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

buildCharts();
vscode.postMessage({ type: 'ready' });
