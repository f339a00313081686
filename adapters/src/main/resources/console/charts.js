// Bar charts drawn by uPlot (a pinned WebJar served by Wharf), each with the same numbers as a table beside it.
import uPlot from './lib/uplot.js';
import {h, number} from './dom.js';

const COLORS = ['#2f6f4f', '#b3261e', '#345e9c', '#8a5a00'];

/**
 * Bars for `labels` (the x axis, in order), one series per entry of `series` ({label, values}); a later series is drawn
 * over an earlier one, so stacked totals read as such. Answers an element holding the chart and its table.
 */
export function barChart({title, labels, series, stackedFrom}) {
  const chart = h('div', {class: 'chart', role: 'img', 'aria-label': title});
  const x = labels.map((_, i) => i);
  const drawn = stackedFrom ? stack(series) : series.map((s) => s.values);
  const options = {
    width: 600,
    height: 240,
    legend: {show: true, live: false},
    cursor: {show: false},
    scales: {x: {time: false, range: [-0.5, Math.max(0.5, labels.length - 0.5)]}, y: {range: (u, min, max) => [0, max || 1]}},
    axes: [
      {splits: () => x, values: (u, splits) => {
        const shown = axisLabels(labels, u.width);
        return splits.map((i) => shown[i] ?? '');
      }, grid: {show: false}},
      {values: (u, splits) => splits.map((v) => compact(v)), size: 60},
    ],
    series: [{}, ...series.map((s, i) => ({
      label: s.label,
      fill: COLORS[i % COLORS.length],
      stroke: COLORS[i % COLORS.length],
      paths: uPlot.paths.bars({size: [0.6, 48]}),
      points: {show: false},
    }))],
  };
  const wrapper = h('figure', {class: 'figure'}, h('figcaption', {}, title), chart, table(labels, series));
  // uPlot measures its target: draw once the figure is in the page, and again when the window changes width.
  requestAnimationFrame(() => {
    const plot = new uPlot({...options, width: width(chart)}, [x, ...drawn], chart);
    const resize = () => {
      if (!chart.isConnected) return window.removeEventListener('resize', resize);
      plot.setSize({width: width(chart), height: 240});
    };
    window.addEventListener('resize', resize);
  });
  return wrapper;
}

const LABEL_CHARACTERS = 10;
const CHARACTER_WIDTH = 7; // px of the axis's 12 px font, about

/**
 * The x axis's labels for a chart `width` px wide: each cut to 10 characters (the table under the chart has them
 * whole), and every one where there is room, else every second, third, … so that none overlap.
 */
export function axisLabels(labels, width) {
  const short = labels.map((label) => {
    const text = String(label ?? '');
    return text.length > LABEL_CHARACTERS ? text.slice(0, LABEL_CHARACTERS - 1) + '…' : text;
  });
  const room = Math.max(...short.map((label) => label.length), 1) * CHARACTER_WIDTH + 12;
  const step = Math.max(1, Math.ceil(short.length / Math.max(1, Math.floor(width / room))));
  return short.map((label, i) => (i % step === 0 ? label : ''));
}

/** A number short enough for the y axis: 900,000,000,000,000 is 900T. */
export function compact(value) {
  return Math.abs(value) < 100000 ? number(value) : new Intl.NumberFormat(undefined, {notation: 'compact'}).format(value);
}

function width(element) {
  return Math.max(240, Math.floor(element.getBoundingClientRect().width || 600));
}

/** Each series as the running sum of it and those after it, so drawing them in order stacks them. */
function stack(series) {
  return series.map((_, i) => series[0].values.map((__, j) =>
    series.slice(i).reduce((sum, s) => sum + (s.values[j] || 0), 0)));
}

function table(labels, series) {
  return h('details', {},
    h('summary', {}, 'The numbers'),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, ''), ...series.map((s) => h('th', {scope: 'col'}, s.label)))),
      h('tbody', {}, ...labels.map((label, i) => h('tr', {}, h('th', {scope: 'row'}, label),
        ...series.map((s) => h('td', {}, number(s.values[i]))))))));
}
