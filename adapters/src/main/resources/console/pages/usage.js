// Rows in the billing period: the totals, a chart of rows by source and how far the period (and the row limit) has gone.
import {api, warehousePath} from '../api.js';
import {h, number, put, when} from '../dom.js';
import {barChart} from '../charts.js';
import {freshness, refresh} from '../fresh.js';
import {Poller} from '../poll.js';

export function render(view, context) {
  const content = h('div', {class: 'content'});
  const fresh = freshness(content);
  const sources = new Map(); // source id -> name, read again only when the breakdown names a source not in it
  const read = async () => {
    const stats = await api(warehousePath(context.project, 'total_rows_stats/'), {signal: context.signal});
    const ids = Object.keys(stats.breakdown_of_rows_by_source || {});
    if (ids.some((id) => !sources.has(id))) await readSources(context, sources);
    // what is drawn: the answer, the names of its sources and the share of the period gone (which moves by itself)
    return {stats, names: ids.map((id) => [id, sources.get(id) || null]), gone: percentGone(stats)};
  };
  const poller = new Poller(refresh(fresh, context, () => 'usage', read,
    ({stats}) => draw(content, stats, sources)), 30000);
  view.append(fresh.line, content);
  context.poll(poller);
}

async function readSources(context, names) {
  let query = '?limit=100&offset=0';
  for (let pages = 0; query && pages < 20; pages++) {
    const page = await api('/api/projects/' + encodeURIComponent(context.project) + '/external_data_sources/' + query,
      {signal: context.signal});
    page.results.forEach((s) => names.set(String(s.id), s.prefix ? s.source_type + ' (' + s.prefix + ')' : s.source_type));
    query = page.next ? page.next.slice(page.next.indexOf('?')) : null;
  }
}

function draw(content, stats, sources) {
  const entries = Object.entries(stats.breakdown_of_rows_by_source || {}).sort((a, b) => b[1] - a[1]);
  put(content,
    h('section', {'aria-labelledby': 'period-title'},
      h('h2', {id: 'period-title'}, 'Billing period'),
      ...period(stats),
      stats.row_limit === null || stats.row_limit === undefined
        ? h('p', {class: 'hint'}, 'No row limit for this organization.')
        : meter('row-progress', 'Rows of the limit', share(stats.total_rows, stats.row_limit),
          number(stats.total_rows) + ' of ' + number(stats.row_limit) + ' rows')),
    h('section', {'aria-labelledby': 'totals-title'},
      h('h2', {id: 'totals-title'}, 'Rows'),
      h('dl', {class: 'facts'},
        fact('Synced in the period', number(stats.total_rows)),
        fact('Billed', number(stats.tracked_billing_rows)),
        fact('Pending billing', number(stats.pending_billing_rows)),
        fact('Materialized', number(stats.materialized_rows_in_billing_period)),
        stats.billing_available ? null : fact('Billing', 'not available: the rows are not billed yet'))),
    h('section', {'aria-labelledby': 'sources-title'},
      h('h2', {id: 'sources-title'}, 'Rows by source'),
      entries.length === 0
        ? h('p', {}, 'No source has loaded rows in this period.')
        : barChart({
          title: 'Rows synced by source in this billing period',
          labels: entries.map(([id]) => sources.get(id) || 'source ' + id),
          series: [{label: 'Rows', values: entries.map(([, rows]) => rows)}],
        })));
}

/** How much of the billing period has gone, 0 to 100; null without a period (no billing). */
function percentGone(stats) {
  const start = Date.parse(stats.billing_period_start);
  const end = Date.parse(stats.billing_period_end);
  if (!stats.billing_available || Number.isNaN(start) || Number.isNaN(end) || end <= start) return null;
  return Math.round(Math.min(1, Math.max(0, (Date.now() - start) / (end - start))) * 100);
}

/** The period's bounds and how much of it has gone; without billing it says so. */
function period(stats) {
  const gone = percentGone(stats);
  if (gone === null) return [h('p', {}, 'No billing period: billing is not available for this organization.')];
  return [
    h('p', {}, when(stats.billing_period_start), ' to ', when(stats.billing_period_end),
      stats.billing_interval ? ' (' + stats.billing_interval + ')' : ''),
    meter('period-progress', 'Time gone', gone / 100, gone + '% of the period has gone'),
  ];
}

/** `used` of `limit` as a fraction from 0 to 1 (a limit of 0 is reached at once). */
function share(used, limit) {
  return limit > 0 ? Math.min(1, Math.max(0, (used || 0) / limit)) : 1;
}

function meter(id, label, fraction, text) {
  return h('div', {class: 'field'},
    h('label', {for: id}, label),
    h('progress', {id, max: 100, value: Math.round(fraction * 100)}),
    h('span', {class: 'hint'}, ' ' + text));
}

function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}
