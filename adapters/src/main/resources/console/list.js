// A paged list of what the API answers ({results, next, previous}), refreshed while it is shown.
import {api} from './api.js';
import {h, put} from './dom.js';
import {freshness} from './fresh.js';
import {Poller} from './poll.js';

/**
 * `columns`: [{title, cell(row) -> text or node}]. `path(query)` is the list's path with `query` (such as
 * "?limit=20&offset=0&kind=all"). Answers {element, reload(query)}.
 */
export function pagedList(context, {caption, columns, path, query, interval, empty}) {
  const body = h('tbody');
  const table = h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', {scope: 'col'}, c.title)))), body);
  const content = h('div', {class: 'scroll'}, table);
  const fresh = freshness(content);
  const previous = h('button', {type: 'button', disabled: true}, 'Previous');
  const next = h('button', {type: 'button', disabled: true}, 'Next');
  const position = h('span', {class: 'position', 'aria-live': 'polite'});
  let current = query;
  let links = {next: null, previous: null};

  const poller = new Poller(async () => {
    let page;
    try {
      page = await api(path(current), {signal: context.signal});
    } catch (error) {
      fresh.failed(error);
      if (error.status === 401) context.failed(error);
      throw error;
    }
    fresh.ok();
    links = {next: page.next, previous: page.previous};
    put(body, page.results.length === 0
      ? h('tr', {}, h('td', {colspan: columns.length}, empty))
      : page.results.map((row) => h('tr', {}, ...columns.map((c) => h('td', {}, c.cell(row) ?? '—')))));
    previous.disabled = !page.previous;
    next.disabled = !page.next;
    const offset = Number(new URLSearchParams(current).get('offset') || 0);
    put(position, page.results.length ? 'Rows ' + (offset + 1) + '–' + (offset + page.results.length) : '');
  }, interval);

  const go = (link) => {
    if (!link) return;
    current = link.slice(link.indexOf('?'));
    poller.now();
  };
  previous.addEventListener('click', () => go(links.previous));
  next.addEventListener('click', () => go(links.next));
  context.poll(poller);
  return {
    element: h('div', {class: 'list'}, fresh.line, content,
      h('div', {class: 'pager'}, previous, position, next)),
    reload(query) {
      current = query;
      poller.now();
    },
  };
}

/** A labelled select whose change calls `changed(value)`. */
export function choice(id, label, options, selected, changed) {
  const select = h('select', {id, onchange: () => changed(select.value)},
    ...options.map(([value, text]) => h('option', {value, selected: value === selected}, text)));
  return h('div', {class: 'field inline'}, h('label', {for: id}, label), select);
}
