// Says how current what a page shows is: when it was read, or that it is not current and why.
import {h, put} from './dom.js';

/** A line under a page's title, and the content it vouches for (dimmed while it is not current). */
export function freshness(content) {
  const line = h('p', {class: 'freshness', 'aria-live': 'polite'}, 'Loading…');
  let readAt = null;
  return {
    line,
    ok() {
      readAt = new Date();
      content.classList.remove('stale');
      line.classList.remove('error');
      put(line, 'Updated ' + readAt.toLocaleTimeString());
    },
    failed(error) {
      content.classList.add('stale');
      line.classList.add('error');
      const shown = readAt ? ' What is shown was read at ' + readAt.toLocaleTimeString() + ' and is not current.' : '';
      put(line, error.message + shown + ' Retrying…');
    },
  };
}
