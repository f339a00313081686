// The jobs that load the warehouse: those running, those finished (with the kind and outcome filters) and a chart of
// job_stats over 1, 7 or 30 days.
import {api, warehousePath} from '../api.js';
import {h, number, put, when} from '../dom.js';
import {barChart} from '../charts.js';
import {freshness, refresh} from '../fresh.js';
import {choice, pagedList} from '../list.js';
import {Poller} from '../poll.js';

const LIMIT = 20;
const KINDS = [['all', 'All jobs'], ['import', 'Source syncs'], ['model', 'Materialized views']];
const OUTCOMES = [['all', 'Completed and failed'], ['completed', 'Completed'], ['failed', 'Failed']];
const COLUMNS = [
  {title: 'Name', cell: (row) => row.name},
  {title: 'Type', cell: (row) => row.type},
  {title: 'Status', cell: (row) => h('span', {class: 'badge ' + String(row.status).toLowerCase()}, row.status)},
  {title: 'Rows', cell: (row) => number(row.rows)},
  {title: 'Started', cell: (row) => when(row.created_at)},
  {title: 'Finished', cell: (row) => when(row.finished_at)},
  {title: 'Error', cell: (row) => row.latest_error},
];

export function render(view, context) {
  const path = (rest) => warehousePath(context.project, rest);
  const running = {kind: 'all'};
  const completed = {kind: 'all', outcome: 'all'};
  const runningQuery = () => `?limit=${LIMIT}&offset=0&cutoff_days=30&kind=${running.kind}`;
  const completedQuery = () => `?limit=${LIMIT}&offset=0&kind=${completed.kind}&outcome=${completed.outcome}`;

  const runningList = pagedList(context, {
    caption: 'Running jobs', columns: COLUMNS, query: runningQuery(), interval: 5000,
    path: (query) => path('running_activity/' + query), empty: 'No job is running.'});
  const completedList = pagedList(context, {
    caption: 'Finished jobs', columns: COLUMNS, query: completedQuery(), interval: 15000,
    path: (query) => path('completed_activity/' + query), empty: 'No finished job in the last 30 days.'});

  view.append(
    h('section', {'aria-labelledby': 'stats-title'}, h('h2', {id: 'stats-title'}, 'Jobs over time'), stats(context)),
    h('section', {'aria-labelledby': 'running-title'},
      h('h2', {id: 'running-title'}, 'Running'),
      choice('running-kind', 'Kind', KINDS, running.kind, (value) => {
        running.kind = value;
        runningList.reload(runningQuery());
      }),
      runningList.element),
    h('section', {'aria-labelledby': 'completed-title'},
      h('h2', {id: 'completed-title'}, 'Finished'),
      h('div', {class: 'filters'},
        choice('completed-kind', 'Kind', KINDS, completed.kind, (value) => {
          completed.kind = value;
          completedList.reload(completedQuery());
        }),
        choice('completed-outcome', 'Outcome', OUTCOMES, completed.outcome, (value) => {
          completed.outcome = value;
          completedList.reload(completedQuery());
        })),
      completedList.element));
}

function stats(context) {
  const holder = h('div', {class: 'content'});
  const fresh = freshness(holder);
  let days = '7';
  const poller = new Poller(refresh(fresh, context, () => days,
    (asked) => api(warehousePath(context.project, 'job_stats/?days=' + asked), {signal: context.signal}),
    (answer, asked) => draw(holder, answer, asked)), 60000);
  context.poll(poller);
  return h('div', {},
    choice('stats-days', 'Period', [['1', 'Last day'], ['7', 'Last 7 days'], ['30', 'Last 30 days']], days, (value) => {
      days = value;
      fresh.loading();
      poller.now();
    }),
    fresh.line, holder);
}

function draw(holder, answer, days) {
  const keys = Object.keys(answer.breakdown).reverse();
  put(holder,
    h('p', {class: 'totals'}, `${number(answer.total_jobs)} jobs: ${number(answer.successful_jobs)} succeeded, `
      + `${number(answer.failed_jobs)} failed.`),
    barChart({
      title: 'Jobs finished per ' + (days === '1' ? 'hour' : 'day') + ', last ' + days + (days === '1' ? ' day' : ' days'),
      labels: keys.map((key) => label(key, days)),
      series: [
        {label: 'Succeeded', values: keys.map((key) => answer.breakdown[key].successful)},
        {label: 'Failed', values: keys.map((key) => answer.breakdown[key].failed)},
      ],
      stackedFrom: true,
    }));
}

function label(key, days) {
  if (days === '1') {
    const date = new Date(key);
    return Number.isNaN(date.getTime()) ? key : date.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
  }
  return key.slice(5, 10);
}
