// Elements built from text only: nothing a tenant or a pipeline chose is ever parsed as HTML.

/** h('p', {class: 'x', onclick: f}, 'text', child) makes an element; strings become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what `element` holds. */
export function put(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A date and time in the browser's zone, or an em dash; `value` is what the API answered. */
export function when(value) {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

export function number(value) {
  return Number(value ?? 0).toLocaleString();
}

/** A button that copies `text()` and says so for two seconds (and to screen readers). */
export function copyButton(label, text) {
  const button = h('button', {type: 'button', class: 'copy', 'aria-label': label}, 'Copy');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text());
      button.textContent = 'Copied';
      announce('Copied.');
    } catch {
      button.textContent = 'Select and copy';
      announce('Could not copy: select the text and copy it.');
    }
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  });
  return button;
}

/**
 * Wraps the handler of a click or a submit that calls the API so that it runs one at a time and at most once a second,
 * however fast the clicks or a held Enter key come: a click while it runs is dropped, one within the second after it
 * began waits for the second to end (so no click is lost). A submit's default is always prevented.
 */
export function guarded(action) {
  let busy = false;
  let last = 0;
  return async (event) => {
    if (event && event.type === 'submit') event.preventDefault();
    if (busy) return;
    busy = true;
    try {
      const pause = 1000 - (Date.now() - last);
      if (pause > 0) await new Promise((done) => setTimeout(done, pause));
      last = Date.now();
      await action(event);
    } finally {
      busy = false;
    }
  };
}

/** Says `text` to screen readers through the page's one status region (in index.html). */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) put(region, text);
}

/**
 * Puts `card` (a secret shown once) into `area`, moves the keyboard to it and, when it is hidden, back to `back`. The
 * card is not announced by itself: the secret is read when the reader reaches it, not spoken on arrival.
 */
export function showOnce(area, card, back) {
  card.setAttribute('tabindex', '-1');
  const hide = h('button', {type: 'button', onclick: () => {
    put(area);
    const title = document.getElementById('page-title');
    if (back && back.isConnected) back.focus();
    else if (title) title.focus();
  }}, 'I have saved it: hide');
  card.append(hide);
  put(area, card);
  card.focus();
}

/** A labelled field: a label tied to its control by id. */
export function field(id, label, control, hint) {
  control.id = id;
  const hintId = hint ? id + '-hint' : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', {class: 'field'}, h('label', {for: id}, label), control, hint ? hint : null);
}

/** A message area that screen readers announce. */
export function liveText(className = 'note') {
  return h('p', {class: className, 'aria-live': 'polite'});
}
