// Line charts over time, drawn by uPlot (MIT; its WebJar's ES module, served from the gateway's jar
// under lib/uplot/, nothing to build).
import uPlot from './lib/uplot/uPlot.esm.js';
import { h } from './ui.js';

const COLORS = ['#0972d3', '#d13212', '#037f0c', '#8456ce', '#c33d69', '#ff9900', '#067f68', '#5f6b7a'];

/** A figure for an axis or the legend: 3 significant digits, no exponent for the usual sizes. */
export function formatFigure(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  return String(Number(value.toPrecision(3)));
}

/**
 * A chart with a title: update(times in seconds, [{ label, values, dash }]) draws the lines (a value
 * may be null: a gap). The chart is made again when its set of lines changes, else its data is replaced.
 */
export function lineChart({ id, title }) {
  const area = h('div', { class: 'plot' });
  const empty = h('p', { class: 'empty' }, 'Waiting for two samples…');
  const element = h('div', { class: 'chart card', id }, h('h3', {}, title), empty, area);
  let plot = null;
  let drawn = null;

  function update(times, lines) {
    element.dataset.points = String(times.length);
    element.dataset.lines = lines.map((line) => line.label).join(',');
    if (times.length === 0 || lines.length === 0) {
      empty.textContent = times.length === 0 ? 'Waiting for two samples…' : 'Nothing to draw yet.';
      empty.hidden = false;
      return;
    }
    empty.hidden = true;
    const data = [times, ...lines.map((line) => line.values)];
    const key = lines.map((line) => `${line.label}|${line.dash ?? ''}`).join('\n');
    if (plot && key === drawn) {
      plot.setData(data);
      return;
    }
    plot?.destroy();
    drawn = key;
    plot = new uPlot({
      width: Math.max(320, area.clientWidth || element.clientWidth - 32 || 480),
      height: 200,
      // At least the last minute on the time axis (a single point would otherwise span years); from 0 up.
      scales: {
        x: { time: true, range: (u, min, max) => (max === null ? [0, 1] : [Math.min(min, max - 60), max]) },
        y: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      legend: { live: false },
      series: [{}, ...lines.map((line, i) => ({
        label: line.label,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        dash: line.dash,
        value: (u, value) => formatFigure(value),
      }))],
      axes: [{}, { size: 56, values: (u, ticks) => ticks.map(formatFigure) }],
    }, data, area);
  }

  return { element, update };
}
