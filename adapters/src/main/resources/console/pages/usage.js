// Rows in the billing period: the totals, a chart of rows by source and how far the period (and the row limit) has gone.
import {api, warehousePath} from '../api.js';
import {h, number, put, when} from '../dom.js';
import {barChart} from '../charts.js';
import {freshness} from '../fresh.js';
import {Poller} from '../poll.js';

export function render(view, context) {
  const content = h('div', {class: 'content'});
  const fresh = freshness(content);
  const poller = new Poller(async () => {
    let stats;
    let sources;
    try {
      [stats, sources] = await Promise.all([
        api(warehousePath(context.project, 'total_rows_stats/'), {signal: context.signal}),
        allSources(context),
      ]);
    } catch (error) {
      fresh.failed(error);
      if (error.status === 401) context.failed(error);
      throw error;
    }
    fresh.ok();
    draw(content, stats, sources);
  }, 30000);
  view.append(fresh.line, content);
  context.poll(poller);
}

async function allSources(context) {
  const names = new Map();
  let query = '?limit=100&offset=0';
  for (let pages = 0; query && pages < 20; pages++) {
    const page = await api('/api/projects/' + encodeURIComponent(context.project) + '/external_data_sources/' + query,
      {signal: context.signal});
    page.results.forEach((s) => names.set(String(s.id), s.prefix ? s.source_type + ' (' + s.prefix + ')' : s.source_type));
    query = page.next ? page.next.slice(page.next.indexOf('?')) : null;
  }
  return names;
}

function draw(content, stats, sources) {
  const start = new Date(stats.billing_period_start);
  const end = new Date(stats.billing_period_end);
  const elapsed = Math.min(1, Math.max(0, (Date.now() - start) / (end - start)));
  const entries = Object.entries(stats.breakdown_of_rows_by_source).sort((a, b) => b[1] - a[1]);
  put(content,
    h('section', {'aria-labelledby': 'period-title'},
      h('h2', {id: 'period-title'}, 'Billing period'),
      h('p', {}, when(stats.billing_period_start), ' to ', when(stats.billing_period_end),
        ' (' + (stats.billing_interval || 'month') + ')'),
      meter('period-progress', 'Time gone', elapsed, Math.round(elapsed * 100) + '% of the period has gone'),
      stats.row_limit
        ? meter('row-progress', 'Rows of the limit', Math.min(1, stats.total_rows / stats.row_limit),
          number(stats.total_rows) + ' of ' + number(stats.row_limit) + ' rows')
        : h('p', {class: 'hint'}, 'No row limit for this organization.')),
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

function meter(id, label, fraction, text) {
  return h('div', {class: 'field'},
    h('label', {for: id}, label),
    h('progress', {id, max: 100, value: Math.round(fraction * 100)}),
    h('span', {class: 'hint'}, ' ' + text));
}

function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}
