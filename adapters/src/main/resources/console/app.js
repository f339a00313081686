// The console: sign-in, the project picker and the pages, one project at a time. Routes live in the URL's fragment
// (#/projects/1/warehouse), so a page can be bookmarked without the key ever being in a URL.
import {api, ApiError, session} from './api.js';
import {h, put} from './dom.js';
import * as warehouse from './pages/warehouse.js';
import * as jobs from './pages/jobs.js';
import * as usage from './pages/usage.js';
import * as audit from './pages/audit.js';
import * as webhooks from './pages/webhooks.js';

const PAGES = [
  {path: 'warehouse', title: 'Warehouse', module: warehouse},
  {path: 'jobs', title: 'Jobs', module: jobs},
  {path: 'usage', title: 'Usage', module: usage},
  {path: 'audit', title: 'Audit log', module: audit, admins: true},
  {path: 'webhooks', title: 'Webhooks', module: webhooks, admins: true},
];
const ADMIN_LEVEL = 8;

const view = document.getElementById('view');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const banner = document.getElementById('banner');

let account = null; // {me, projects}
let current = null; // {controller, pollers}

window.addEventListener('hashchange', route);
route();

function leave() {
  if (!current) return;
  current.controller.abort();
  current.pollers.forEach((poller) => poller.stop());
  current = null;
}

async function route() {
  leave();
  say(null);
  if (!session.key()) return signIn();
  try {
    if (!account) account = await loadAccount();
  } catch (error) {
    return failed(error);
  }
  const match = /^#\/projects\/([^/]+)\/([a-z]+)$/.exec(location.hash);
  if (!match) return showProjects();
  const project = account.projects.find((p) => String(p.id) === match[1]);
  const page = PAGES.find((p) => p.path === match[2]);
  if (!project || !page) {
    header(null, null);
    const missing = project ? 'There is no page called ' + match[2] + '.' : 'This key cannot see project ' + match[1] + '.';
    put(view, h('h1', {}, 'Not found'), h('p', {}, missing), h('p', {}, h('a', {href: '#/'}, 'Choose a project')));
    return;
  }
  header(project, page);
  current = {controller: new AbortController(), pollers: []};
  const context = {
    project: project.id,
    projectName: project.name,
    admin: (project.effective_membership_level ?? 0) >= ADMIN_LEVEL,
    signal: current.controller.signal,
    poll: (poller) => { current.pollers.push(poller); return poller.start(); },
    failed,
  };
  put(view, h('h1', {id: 'page-title'}, page.title, h('span', {class: 'project'}, ' · ' + project.name)));
  page.module.render(view, context);
  view.focus({preventScroll: true});
}

async function loadAccount() {
  const [me, projects] = await Promise.all([api('/api/users/@me/'), allProjects()]);
  return {me, projects};
}

async function allProjects() {
  const projects = [];
  let query = '?limit=100&offset=0';
  for (let pages = 0; query && pages < 50; pages++) {
    const page = await api('/api/projects/' + query);
    projects.push(...page.results);
    query = page.next ? page.next.slice(page.next.indexOf('?')) : null;
  }
  return projects;
}

/** What to do with an error no page handled: a refused key goes back to sign-in, the rest is said in words. */
function failed(error) {
  if (error instanceof ApiError && error.status === 401) {
    leave();
    account = null;
    session.signOut();
    return signIn(error.message);
  }
  if (error.name === 'AbortError') return;
  say(error.message || String(error));
}

function say(message) {
  banner.hidden = !message;
  put(banner, message || '');
}

function header(project, page) {
  nav.hidden = !project;
  const links = !project ? [] : PAGES
    .filter((p) => !p.admins || (project.effective_membership_level ?? 0) >= ADMIN_LEVEL)
    .map((p) => h('a', {href: '#/projects/' + project.id + '/' + p.path, 'aria-current': p === page ? 'page' : null},
      p.title));
  put(nav, ...links);
  const picker = h('select', {'aria-label': 'Project', onchange: (e) => {
    location.hash = e.target.value ? '#/projects/' + e.target.value + '/' + (page ? page.path : 'warehouse') : '#/';
  }}, h('option', {value: ''}, 'All projects'),
  ...account.projects.map((p) => h('option', {value: p.id, selected: project && p.id === project.id}, p.name)));
  const signOut = h('button', {type: 'button', onclick: () => { leave(); account = null; session.signOut(); signIn(); }},
    'Sign out');
  put(who, picker, h('span', {class: 'user'}, account.me.email || ''), signOut);
}

function showProjects() {
  header(null, null);
  const rows = account.projects.map((p) => h('tr', {},
    h('td', {}, h('a', {href: '#/projects/' + p.id + '/warehouse'}, p.name)),
    h('td', {}, String(p.id)),
    h('td', {}, level(p.effective_membership_level))));
  put(view,
    h('h1', {}, 'Projects'),
    account.projects.length === 0
      ? h('p', {}, 'This key reaches no project. Ask an organization admin to add you, or use another key.')
      : h('table', {}, h('caption', {}, 'Projects this key can reach'),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Name'), h('th', {scope: 'col'}, 'Id'),
          h('th', {scope: 'col'}, 'Your role'))),
        h('tbody', {}, rows)));
  view.focus({preventScroll: true});
}

function level(value) {
  return value >= 15 ? 'owner' : value >= 8 ? 'admin' : 'member';
}

function signIn(message) {
  nav.hidden = true;
  put(who);
  const input = h('input', {type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    id: 'key', 'aria-describedby': 'key-hint'});
  const error = h('p', {class: 'error', role: 'alert'}, message || '');
  const form = h('form', {class: 'signin', onsubmit: async (event) => {
    event.preventDefault();
    session.signIn(input.value.trim());
    try {
      account = await loadAccount();
      if (!location.hash || location.hash === '#' || location.hash === '#/') route();
      else window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      session.signOut();
      account = null;
      put(error, e.message);
      input.focus();
    }
  }},
  h('h1', {}, 'Sign in'),
  h('label', {for: 'key'}, 'Personal API key'),
  input,
  h('p', {id: 'key-hint', class: 'hint'},
    'A key that starts with phx_. It is kept in this tab only, until you sign out or close the tab.'),
  h('button', {type: 'submit'}, 'Sign in'),
  error);
  put(view, form);
  input.focus();
}
