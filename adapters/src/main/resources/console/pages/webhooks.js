// Webhook subscriptions: create one (its secret shown once), send a test, see deliveries, rotate, enable, delete.
import {api, warehousePath} from '../api.js';
import {copyButton, field, guarded, h, put, showOnce, when} from '../dom.js';
import {pagedList} from '../list.js';

const EVENTS = ['warehouse.state_changed', 'warehouse.password_reset', 'job.failed', 'job.stale',
  'source.freshness_missed', 'source.freshness_restored', 'usage.row_limit_reached'];
const FIRST_PAGE = '?limit=20&offset=0';

export function render(view, context) {
  const path = (rest) => warehousePath(context.project, rest);
  const secret = h('div', {class: 'password-area'});
  const status = h('p', {role: 'status'});
  const deliveries = h('div', {class: 'deliveries'});
  let shownDeliveries = null; // {id, list}: one list of deliveries at a time, refreshed while it is shown
  const call = async (rest, method, body) => {
    try {
      return await api(path(rest), {method, body, signal: context.signal});
    } catch (error) {
      if (error.status === 401) context.failed(error);
      else put(status, error.message);
      return false;
    }
  };
  const list = pagedList(context, {
    caption: 'Subscriptions',
    columns: [
      {title: 'URL', cell: (row) => row.url},
      {title: 'Events', cell: (row) => (row.events || []).join(', ')},
      {title: 'Description', cell: (row) => row.description},
      {title: 'State', cell: (row) => (row.enabled ? 'enabled' : 'disabled: ' + (row.disabled_reason || ''))},
      {title: 'Created', cell: (row) => when(row.created_at)},
      {title: 'Actions', cell: (row) => h('div', {class: 'row-actions'},
        button('Send a test', row, async () => {
          if ((await call('webhooks/' + row.id + '/test/', 'POST')) !== false) put(status, 'A test event is on its way.');
        }),
        button('Deliveries', row, () => showDeliveries(row)),
        button('Rotate secret', row, async (event) => {
          const answer = await call('webhooks/' + row.id + '/rotate-secret/', 'POST');
          if (answer) showSecret(answer, event.target);
        }),
        row.enabled ? null : button('Enable', row, async () => {
          if ((await call('webhooks/' + row.id + '/enable/', 'POST')) !== false) list.reload(FIRST_PAGE);
        }),
        button('Delete', row, async () => {
          if (!window.confirm('Delete the subscription to ' + row.url + '?')) return;
          if ((await call('webhooks/' + row.id + '/', 'DELETE')) === false) return;
          if (shownDeliveries && shownDeliveries.id === row.id) hideDeliveries();
          list.reload(FIRST_PAGE);
          document.getElementById('page-title')?.focus();
        }))},
    ],
    path: (query) => path('webhooks/' + query),
    query: FIRST_PAGE,
    interval: 15000,
    empty: 'No subscription yet.',
  });

  function showSecret(answer, back) {
    showOnce(secret, h('section', {class: 'card once', 'aria-labelledby': 'secret-title',
      'aria-describedby': 'secret-warning'},
    h('h2', {id: 'secret-title'}, 'Signing secret for ' + answer.url),
    h('p', {class: 'warning', id: 'secret-warning'}, 'Copy it now: it will not be shown again.'),
    h('p', {}, h('code', {class: 'secret'}, answer.secret), ' ', copyButton('Copy the secret', () => answer.secret))),
    back);
  }

  function hideDeliveries() {
    if (shownDeliveries) shownDeliveries.list.stop();
    shownDeliveries = null;
    put(deliveries);
  }

  function showDeliveries(row) {
    hideDeliveries();
    const deliveryList = pagedList(context, {
      caption: 'Deliveries to ' + row.url,
      columns: [
        {title: 'Event', cell: (d) => d.event},
        {title: 'Status', cell: (d) => d.status},
        {title: 'Attempts', cell: (d) => String(d.attempts)},
        {title: 'Last answer', cell: (d) => (d.last_response_code ? String(d.last_response_code) : d.last_error)},
        {title: 'Created', cell: (d) => when(d.created_at)},
        {title: 'Next attempt', cell: (d) => when(d.next_attempt_at)},
      ],
      path: (query) => path('webhooks/' + row.id + '/deliveries/' + query),
      query: FIRST_PAGE,
      interval: 10000,
      empty: 'Nothing sent yet.',
    });
    shownDeliveries = {id: row.id, list: deliveryList};
    const title = h('h2', {id: 'deliveries-title', tabindex: '-1'}, 'Deliveries');
    put(deliveries, title, deliveryList.element);
    title.focus();
  }

  view.append(createForm(), status, secret, list.element, deliveries);

  function createForm() {
    const url = h('input', {type: 'url', required: true, autocomplete: 'off', placeholder: 'https://'});
    const description = h('input', {type: 'text', maxlength: 200, autocomplete: 'off'});
    const boxes = EVENTS.map((event) => h('input', {type: 'checkbox', value: event, id: 'event-' + event.replace(/\W/g, '-')}));
    const outcome = h('p', {role: 'status'});
    const subscribe = h('button', {type: 'submit'}, 'Subscribe');
    return h('form', {class: 'card', 'aria-labelledby': 'create-title', onsubmit: guarded(async () => {
      const events = boxes.filter((b) => b.checked).map((b) => b.value);
      if (events.length === 0) return put(outcome, 'Choose at least one event.');
      const answer = await call('webhooks/', 'POST', {url: url.value.trim(), events, description: description.value});
      if (!answer) return;
      put(outcome, 'Subscribed.');
      showSecret(answer, subscribe);
      list.reload(FIRST_PAGE);
    })},
    h('h2', {id: 'create-title'}, 'New subscription'),
    field('webhook-url', 'URL', url),
    field('webhook-description', 'Description', description),
    h('fieldset', {}, h('legend', {}, 'Events'),
      ...boxes.map((box) => h('div', {class: 'check'}, box, h('label', {for: box.id}, box.value)))),
    subscribe,
    outcome);
  }
}

/** A row's button: named with the row's URL, and one call at a time however fast it is clicked. */
function button(label, row, action) {
  return h('button', {type: 'button', 'aria-label': label + ' (' + row.url + ')', onclick: guarded(action)}, label);
}
