// The project's warehouse: its state as it changes, how to connect, and provision, reset-password and deprovision.
import {api, ApiError, warehousePath} from '../api.js';
import {announce, copyButton, field, guarded, h, put, showOnce, when} from '../dom.js';
import {freshness, refresh} from '../fresh.js';
import {Poller} from '../poll.js';

const MOVING = ['pending', 'provisioning', 'deleting'];
const PROVISIONABLE = ['failed', 'deleted'];
const DEPROVISIONABLE = ['ready', 'failed', 'provisioning'];
const HINT = 'Lowercase letters, digits and hyphens, starting and ending with a letter or digit.';

export function render(view, context) {
  const content = h('div', {class: 'content'});
  const fresh = freshness(content);
  const state = {status: undefined};
  const path = (rest) => warehousePath(context.project, rest);

  const read = async () => {
    try {
      return await api(path('warehouse_status/'), {signal: context.signal});
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && error.body?.error === 'warehouse not found') return null;
      throw error;
    }
  };
  const poller = new Poller(refresh(fresh, context, () => 'status', read, (status) => {
    tell(state.status, status);
    state.status = status;
    poller.every(status && MOVING.includes(status.state) ? 2000 : 10000);
    draw();
  }), 2000);

  const actions = h('div', {class: 'actions'});
  const password = h('div', {class: 'password-area'});
  view.append(fresh.line, content, password, actions);
  context.poll(poller);

  function draw() {
    const status = state.status;
    put(content, status ? describe(status) : h('p', {}, 'This project has no warehouse yet.'));
    if (status && status.state === 'ready' && status.connection) content.append(connection(status.connection));
    drawActions(status);
  }

  function drawActions(status) {
    const current = status ? status.state : null;
    const wanted = [];
    if (!status || PROVISIONABLE.includes(current)) wanted.push('provision');
    if (current === 'ready') wanted.push('reset');
    if (DEPROVISIONABLE.includes(current)) wanted.push('deprovision');
    const key = wanted.join(',') + ':' + (status ? status.database_name : '');
    if (actions.dataset.key === key) return; // keep what the user is typing
    actions.dataset.key = key;
    const hadFocus = actions.contains(document.activeElement);
    put(actions,
      wanted.includes('provision') ? provisionForm() : null,
      wanted.includes('reset') ? resetSection(status) : null,
      wanted.includes('deprovision') ? deprovisionForm(status) : null);
    if (hadFocus) { // what the keyboard was on is gone: go to the first of what replaced it, or to the page's title
      const heading = actions.querySelector('h2');
      heading?.setAttribute('tabindex', '-1');
      (heading || document.getElementById('page-title'))?.focus();
    }
  }

  function provisionForm() {
    const input = h('input', {type: 'text', autocomplete: 'off', spellcheck: 'false', required: true, maxlength: 63});
    const verdict = h('p', {class: 'hint', id: 'database-name-hint', 'aria-live': 'polite'},
      HINT);
    const button = h('button', {type: 'submit', disabled: true}, 'Provision');
    const outcome = h('p', {role: 'status'});
    const checker = nameChecker(input, verdict, button);
    input.addEventListener('input', checker);
    return h('form', {class: 'card', 'aria-labelledby': 'provision-title', onsubmit: guarded(async () => {
      if (button.disabled) return;
      button.disabled = true;
      try {
        await api(path('provision/'), {method: 'POST', body: {database_name: input.value.trim()}, signal: context.signal});
        put(outcome, 'Provisioning started.');
        poller.now();
      } catch (error) {
        put(outcome, error.message);
        button.disabled = false;
        if (error.status === 401) context.failed(error);
      }
    })},
    h('h2', {id: 'provision-title'}, 'Provision a warehouse'),
    field('database-name', 'Database name', input, verdict),
    button, outcome);
  }

  /** Asks check-database-name as the name is typed: once the typing pauses, at most once a second. */
  function nameChecker(input, verdict, button) {
    let timer = null;
    let last = 0;
    let asked = 0;
    return () => {
      button.disabled = true;
      clearTimeout(timer);
      const name = input.value.trim();
      if (!name) {
        put(verdict, HINT);
        verdict.classList.remove('error');
        return;
      }
      timer = setTimeout(async () => {
        last = Date.now();
        const ask = ++asked;
        try {
          const answer = await api(path('check-database-name/?name=' + encodeURIComponent(name)),
            {signal: context.signal});
          if (ask !== asked) return;
          put(verdict, answer.available ? name + ' is available.' : (answer.reason || name + ' cannot be used.'));
          verdict.classList.toggle('error', !answer.available);
          button.disabled = !answer.available;
        } catch (error) {
          if (ask !== asked || error.name === 'AbortError') return;
          put(verdict, error.message);
          verdict.classList.add('error');
          if (error.status === 401) context.failed(error);
        }
      }, Math.max(400, 1000 - (Date.now() - last)));
    };
  }

  function resetSection(status) {
    const outcome = h('p', {role: 'status'});
    const button = h('button', {type: 'button', onclick: guarded(async () => {
      button.disabled = true;
      put(outcome, 'Setting a new password…');
      try {
        const answer = await api(path('reset-password/'), {method: 'POST', signal: context.signal});
        put(outcome, '');
        showPassword(answer, button);
        poller.now();
      } catch (error) {
        put(outcome, error.message);
        if (error.status === 401) context.failed(error);
      } finally {
        button.disabled = false;
      }
    })}, 'Reset password');
    return h('section', {class: 'card', 'aria-labelledby': 'reset-title'},
      h('h2', {id: 'reset-title'}, 'Root password'),
      h('p', {}, 'A new password replaces the old one at once and ends the sessions that used it. Wharf keeps no copy: '
        + 'it is shown once.'),
      button, outcome);
  }

  function showPassword(answer, back) {
    const value = h('code', {class: 'secret', id: 'new-password'}, answer.password);
    showOnce(password, h('section', {class: 'card once', 'aria-labelledby': 'password-title',
      'aria-describedby': 'password-warning'},
    h('h2', {id: 'password-title'}, 'New password for ' + answer.username),
    h('p', {class: 'warning', id: 'password-warning'},
      'Copy it now: it will not be shown again, and Wharf does not keep it.'),
    h('p', {}, value, ' ', copyButton('Copy the password', () => answer.password))), back);
  }

  function deprovisionForm(status) {
    const name = status.database_name || '';
    const input = h('input', {type: 'text', autocomplete: 'off', spellcheck: 'false'});
    const button = h('button', {type: 'submit', class: 'danger', disabled: true}, 'Deprovision');
    const outcome = h('p', {role: 'status'});
    input.addEventListener('input', () => { button.disabled = input.value !== name; });
    return h('form', {class: 'card', 'aria-labelledby': 'deprovision-title', onsubmit: guarded(async () => {
      if (input.value !== name || button.disabled) return;
      button.disabled = true;
      try {
        await api(path('deprovision/'), {method: 'POST', signal: context.signal});
        put(outcome, 'Deprovisioning started.');
        poller.now();
      } catch (error) {
        put(outcome, error.message);
        button.disabled = false;
        if (error.status === 401) context.failed(error);
      }
    })},
    h('h2', {id: 'deprovision-title'}, 'Deprovision'),
    field('confirm-name', 'Warehouse name', input, h('p', {id: 'confirm-name-hint'},
      'Deletes the warehouse and everything in it. Type its name, ', h('strong', {}, name), ', to confirm.')),
    button, outcome);
  }
}

/** Tells screen readers when the warehouse's state changes under the page (not when the page first reads it). */
function tell(before, after) {
  if (before === undefined) return;
  const was = before ? before.state : null;
  const is = after ? after.state : null;
  if (was === is) return;
  announce(is ? 'The warehouse is ' + is + '.' + (after.status_message ? ' ' + after.status_message : '')
    : 'This project has no warehouse now.');
}

function describe(status) {
  const moving = MOVING.includes(status.state);
  return h('section', {'aria-labelledby': 'state-title'},
    h('h2', {id: 'state-title', class: 'visually-hidden'}, 'State'),
    h('p', {class: 'state'}, h('span', {class: 'badge ' + status.state, id: 'warehouse-state'}, status.state),
      moving ? h('progress', {'aria-label': 'Working on it'}) : null),
    h('p', {id: 'status-message'}, status.status_message || ''),
    h('dl', {class: 'facts'},
      fact('Database', status.database_name || '—'),
      status.schema_name ? fact('Schema', status.schema_name) : null,
      fact('Ready at', when(status.ready_at)),
      status.failed_at ? fact('Failed at', when(status.failed_at)) : null,
      fact('Password last set', when(status.password_last_set_at))));
}

function connection(c) {
  const psql = `psql "host=${c.host} port=${c.port} dbname=${c.database} user=${c.username} sslmode=${c.sslmode}"`;
  const python = `import os, psycopg2; psycopg2.connect(host="${c.host}", port=${c.port}, dbname="${c.database}", user="${c.username}", `
    + `password=os.environ["PGPASSWORD"], sslmode="${c.sslmode}")`;
  const lines = [['psql', psql], ['JDBC', c.jdbc_url], ['Python', python]];
  return h('section', {class: 'card', 'aria-labelledby': 'connect-title'},
    h('h2', {id: 'connect-title'}, 'Connect'),
    h('dl', {class: 'facts'},
      ...[['Host', c.host], ['Port', c.port], ['Database', c.database], ['User', c.username], ['TLS', c.sslmode]]
        .map(([label, value]) => fact(label, String(value), copyButton('Copy the ' + label.toLowerCase(),
          () => String(value))))),
    ...lines.map(([label, line]) => h('div', {class: 'line'},
      h('span', {class: 'line-label'}, label),
      h('code', {}, line),
      copyButton('Copy the ' + label + ' line', () => line))),
    h('p', {class: 'hint'}, 'The password is the one reset-password showed; set PGPASSWORD to it.'));
}

function fact(label, value, extra) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value, extra ? ' ' : null, extra || null));
}
