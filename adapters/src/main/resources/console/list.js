// A paged list of what the API answers ({results, next, previous}), refreshed while it is shown.
import {api} from './api.js';
import {h, put} from './dom.js';
import {freshness, refresh} from './fresh.js';
import {Poller} from './poll.js';

/**
 * `columns`: [{title, cell(row) -> text or node}]. `path(query)` is the list's path with `query` (such as
 * "?limit=20&offset=0&kind=all"). Answers {element, reload(query), stop()}.
 *
 * The rows are rebuilt only when the answer changed, so a refresh keeps the keyboard's place (a focused button in a
 * row) and says nothing new to a screen reader; an answer to a page or filter no longer asked for is dropped.
 */
export function pagedList(context, {caption, columns, path, query, interval, empty}) {
  const body = h('tbody');
  const table = h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', {scope: 'col'}, c.title)))), body);
  // on a narrow screen the table scrolls sideways in here, and the browser lets the keyboard in: named as its table
  const content = h('div', {class: 'scroll', role: 'group', 'aria-label': caption}, table);
  const fresh = freshness(content);
  const previous = h('button', {type: 'button', disabled: true}, 'Previous');
  const next = h('button', {type: 'button', disabled: true}, 'Next');
  const position = h('span', {class: 'position', 'aria-live': 'polite'});
  let current = query;
  let links = {next: null, previous: null};

  const draw = (page, asked) => {
    put(body, page.results.length === 0
      ? h('tr', {}, h('td', {colspan: columns.length}, empty))
      : page.results.map((row) => h('tr', {}, ...columns.map((c) => h('td', {}, c.cell(row) ?? '—')))));
    const focused = document.activeElement;
    previous.disabled = !page.previous;
    next.disabled = !page.next;
    if (focused === next && next.disabled && !previous.disabled) previous.focus(); // keep the keyboard in the pager
    if (focused === previous && previous.disabled && !next.disabled) next.focus();
    const offset = Number(new URLSearchParams(asked).get('offset') || 0);
    const text = page.results.length ? 'Rows ' + (offset + 1) + '–' + (offset + page.results.length) : '';
    if (position.textContent !== text) put(position, text);
    links = {next: page.next, previous: page.previous};
  };

  const read = (asked) => api(path(asked), {signal: context.signal});
  const poller = new Poller(refresh(fresh, context, () => current, read, draw), interval);

  const go = (link) => {
    if (!link) return;
    ask(link.slice(link.indexOf('?')));
  };
  const ask = (query) => {
    if (query === current) return;
    current = query;
    fresh.loading();
    poller.now();
  };
  previous.addEventListener('click', () => go(links.previous));
  next.addEventListener('click', () => go(links.next));
  context.poll(poller);
  return {
    element: h('div', {class: 'list'}, fresh.line, content,
      h('div', {class: 'pager'}, previous, position, next)),
    reload(query) {
      if (query === current) poller.now();
      else ask(query);
    },
    stop() {
      poller.stop();
    },
  };
}

/** A labelled select whose change calls `changed(value)`. */
export function choice(id, label, options, selected, changed) {
  const select = h('select', {id, onchange: () => changed(select.value)},
    ...options.map(([value, text]) => h('option', {value, selected: value === selected}, text)));
  return h('div', {class: 'field inline'}, h('label', {for: id}, label), select);
}
