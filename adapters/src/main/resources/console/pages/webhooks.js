// Webhook subscriptions: create one (its secret shown once), send a test, see deliveries, rotate, enable, delete.
import {api, warehousePath} from '../api.js';
import {copyButton, field, h, put, when} from '../dom.js';
import {pagedList} from '../list.js';

const EVENTS = ['warehouse.state_changed', 'warehouse.password_reset', 'job.failed', 'job.stale',
  'source.freshness_missed', 'source.freshness_restored', 'usage.row_limit_reached'];

export function render(view, context) {
  const path = (rest) => warehousePath(context.project, rest);
  const secret = h('div', {class: 'password-area'});
  const status = h('p', {role: 'status'});
  const deliveries = h('div', {class: 'deliveries'});
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
      {title: 'Events', cell: (row) => row.events.join(', ')},
      {title: 'Description', cell: (row) => row.description},
      {title: 'State', cell: (row) => (row.enabled ? 'enabled' : 'disabled: ' + (row.disabled_reason || ''))},
      {title: 'Created', cell: (row) => when(row.created_at)},
      {title: 'Actions', cell: (row) => h('div', {class: 'row-actions'},
        button('Send a test', row, async () => {
          if ((await call('webhooks/' + row.id + '/test/', 'POST')) !== false) put(status, 'A test event is on its way.');
        }),
        button('Deliveries', row, () => showDeliveries(row)),
        button('Rotate secret', row, async () => {
          const answer = await call('webhooks/' + row.id + '/rotate-secret/', 'POST');
          if (answer) showSecret(answer);
        }),
        row.enabled ? null : button('Enable', row, async () => {
          if ((await call('webhooks/' + row.id + '/enable/', 'POST')) !== false) list.reload('?limit=20&offset=0');
        }),
        button('Delete', row, async () => {
          if (!window.confirm('Delete the subscription to ' + row.url + '?')) return;
          if ((await call('webhooks/' + row.id + '/', 'DELETE')) !== false) list.reload('?limit=20&offset=0');
        }))},
    ],
    path: (query) => path('webhooks/' + query),
    query: '?limit=20&offset=0',
    interval: 15000,
    empty: 'No subscription yet.',
  });

  function showSecret(answer) {
    put(secret, h('section', {class: 'card once', role: 'alert', 'aria-labelledby': 'secret-title'},
      h('h2', {id: 'secret-title'}, 'Signing secret for ' + answer.url),
      h('p', {class: 'warning'}, 'Copy it now: it will not be shown again.'),
      h('p', {}, h('code', {class: 'secret'}, answer.secret), ' ', copyButton('Copy the secret', () => answer.secret)),
      h('button', {type: 'button', onclick: () => put(secret)}, 'I have saved it: hide')));
  }

  function showDeliveries(row) {
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
      query: '?limit=20&offset=0',
      interval: 10000,
      empty: 'Nothing sent yet.',
    });
    put(deliveries, deliveryList.element);
  }

  view.append(createForm(), status, secret, list.element, deliveries);

  function createForm() {
    const url = h('input', {type: 'url', required: true, autocomplete: 'off', placeholder: 'https://'});
    const description = h('input', {type: 'text', maxlength: 200, autocomplete: 'off'});
    const boxes = EVENTS.map((event) => h('input', {type: 'checkbox', value: event, id: 'event-' + event.replace(/\W/g, '-')}));
    const outcome = h('p', {role: 'status'});
    return h('form', {class: 'card', 'aria-labelledby': 'create-title', onsubmit: async (e) => {
      e.preventDefault();
      const events = boxes.filter((b) => b.checked).map((b) => b.value);
      if (events.length === 0) return put(outcome, 'Choose at least one event.');
      const answer = await call('webhooks/', 'POST', {url: url.value.trim(), events, description: description.value});
      if (!answer) return;
      put(outcome, 'Subscribed.');
      showSecret(answer);
      list.reload('?limit=20&offset=0');
    }},
    h('h2', {id: 'create-title'}, 'New subscription'),
    field('webhook-url', 'URL', url),
    field('webhook-description', 'Description', description),
    h('fieldset', {}, h('legend', {}, 'Events'),
      ...boxes.map((box) => h('div', {class: 'check'}, box, h('label', {for: box.id}, box.value)))),
    h('button', {type: 'submit'}, 'Subscribe'),
    outcome);
  }
}

function button(label, row, action) {
  return h('button', {type: 'button', 'aria-label': label + ' (' + row.url + ')', onclick: action}, label);
}
