// The console: sign-in, the project picker and the pages, one project at a time. Routes live in the URL's fragment
// (#/projects/1/warehouse), so a page can be bookmarked without the key ever being in a URL.
import {api, ApiError, session} from './api.js';
import {guarded, h, put} from './dom.js';
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
let routed = 0; // which call of route() is the latest: an older one that was waiting gives up
const retry = {timer: null, pause: 5000}; // reading the account again after Wharf could not be reached
// One guard for every Try again button (each failure draws a new one); trying by hand starts the waits over.
const tryAgain = guarded(() => {
  retry.pause = 5000;
  return route();
});

window.addEventListener('hashchange', route);
// The skip link moves the keyboard to the page; following its "#view" would leave the page for the project list.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  title();
});
route();

function leave() {
  clearTimeout(retry.timer);
  if (!current) return;
  current.controller.abort();
  current.pollers.forEach((poller) => poller.stop());
  current = null;
}

async function route() {
  leave();
  say(null);
  const call = ++routed;
  if (!session.key()) return signIn();
  try {
    if (!account) account = await loadAccount();
  } catch (error) {
    if (call === routed) cannotLoad(error);
    return;
  }
  if (call !== routed) return; // another route() began while this one waited for the account
  retry.pause = 5000;
  const match = /^#\/projects\/([^/]+)\/([a-z]+)$/.exec(location.hash);
  if (!match) return showProjects();
  const project = account.projects.find((p) => String(p.id) === match[1]);
  const page = PAGES.find((p) => p.path === match[2]);
  const admin = (project?.effective_membership_level ?? 0) >= ADMIN_LEVEL;
  if (!project || !page || (page.admins && !admin)) {
    header(project || null, null);
    const missing = !project ? 'This key cannot see project ' + match[1] + '.'
      : !page ? 'There is no page called ' + match[2] + '.'
        : 'Only organization admins and owners can see the ' + page.title.toLowerCase() + '.';
    show('Not found', h('h1', {id: 'page-title', tabindex: '-1'}, 'Not found'), h('p', {}, missing),
      h('p', {}, h('a', {href: '#/'}, 'Choose a project')));
    return;
  }
  header(project, page);
  const here = {controller: new AbortController(), pollers: []};
  current = here;
  const context = {
    project: project.id,
    projectName: project.name,
    admin,
    signal: here.controller.signal,
    poll: (poller) => {
      here.pollers.push(poller);
      return here.controller.signal.aborted ? poller : poller.start();
    },
    failed,
  };
  show(page.title + ' · ' + project.name,
    h('h1', {id: 'page-title', tabindex: '-1'}, page.title, h('span', {class: 'project'}, ' · ' + project.name)));
  page.module.render(view, context);
}

/** Puts `children` in the page, names the tab after it and moves the keyboard (and screen readers) to its title. */
function show(name, ...children) {
  document.title = name + ' · Wharf';
  put(view, ...children);
  title();
}

function title() {
  const heading = document.getElementById('page-title');
  (heading || view).focus({preventScroll: true});
}

/**
 * The account could not be read: a refused key goes back to sign-in; otherwise say why, offer to try again or to use
 * another key, and try again by itself (5 s, then longer) when Wharf could not be reached or failed.
 */
function cannotLoad(error) {
  if (error instanceof ApiError && error.status === 401) return failed(error);
  if (error.name === 'AbortError') return;
  header(null, null);
  show('Cannot load', h('h1', {id: 'page-title', tabindex: '-1'}, 'Cannot load your projects'),
    h('p', {class: 'error'}, error.message || String(error)),
    h('p', {}, h('button', {type: 'button', onclick: tryAgain}, 'Try again')));
  if (error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500)) {
    retry.timer = setTimeout(route, retry.pause);
    retry.pause = Math.min(30000, retry.pause * 2);
  }
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
    routed++; // a route() waiting for the account gives up
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
  const signOut = h('button', {type: 'button', onclick: () => {
    leave();
    routed++;
    account = null;
    session.signOut();
    signIn();
  }}, 'Sign out');
  if (!account) return put(who, signOut);
  // The project is opened with the button, not as the choice changes: arrow keys move through the list without
  // leaving the page at each step (and without loading every project on the way).
  const picker = h('select', {'aria-label': 'Project', id: 'project-picker'}, h('option', {value: ''}, 'All projects'),
    ...account.projects.map((p) => h('option', {value: p.id, selected: project && p.id === project.id}, p.name)));
  const open = h('form', {class: 'picker', onsubmit: (event) => {
    event.preventDefault();
    const target = picker.value ? '#/projects/' + picker.value + '/' + (page ? page.path : 'warehouse') : '#/';
    if (location.hash === target) title(); // already open: a held Enter must not load the page again and again
    else location.hash = target;
  }}, picker, h('button', {type: 'submit', class: 'open'}, 'Open'));
  put(who, open, h('span', {class: 'user'}, account.me.email || ''), signOut);
}

function showProjects() {
  header(null, null);
  const rows = account.projects.map((p) => h('tr', {},
    h('td', {}, h('a', {href: '#/projects/' + p.id + '/warehouse'}, p.name)),
    h('td', {}, String(p.id)),
    h('td', {}, level(p.effective_membership_level))));
  show('Projects',
    h('h1', {id: 'page-title', tabindex: '-1'}, 'Projects'),
    account.projects.length === 0
      ? h('p', {}, 'This key reaches no project. Ask an organization admin to add you, or use another key.')
      : h('table', {}, h('caption', {}, 'Projects this key can reach'),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Name'), h('th', {scope: 'col'}, 'Id'),
          h('th', {scope: 'col'}, 'Your role'))),
        h('tbody', {}, rows)));
}

function level(value) {
  return value >= 15 ? 'owner' : value >= 8 ? 'admin' : 'member';
}

function signIn(message) {
  nav.hidden = true;
  put(who);
  say(null);
  document.title = 'Sign in · Wharf';
  const input = h('input', {type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    id: 'key', 'aria-describedby': 'key-hint'});
  const error = h('p', {class: 'error', role: 'alert'}, message || '');
  const form = h('form', {class: 'signin', onsubmit: guarded(async () => {
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
  })},
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
