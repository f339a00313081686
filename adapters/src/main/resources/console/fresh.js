// Says how current what a page shows is: when it was read, or that it is not current and why.
import {announce, h, put} from './dom.js';

/**
 * A line under a page's title, and the content it vouches for (dimmed while it is not current). The line itself is not
 * a live region (it changes at every refresh); screen readers are told when the page stops or starts being current.
 */
export function freshness(content) {
  const line = h('p', {class: 'freshness'}, 'Loading…');
  let readAt = null;
  let failing = false;
  return {
    line,
    ok() {
      readAt = new Date();
      content.classList.remove('stale');
      line.classList.remove('error');
      put(line, 'Updated ' + readAt.toLocaleTimeString());
      if (failing) announce('Wharf answers again: what is shown is current.');
      failing = false;
    },
    failed(error) {
      content.classList.add('stale');
      line.classList.add('error');
      const shown = readAt ? ' What is shown was read at ' + readAt.toLocaleTimeString() + ' and is not current.' : '';
      put(line, error.message + shown + ' Retrying…');
      if (!failing) announce(error.message);
      failing = true;
    },
    /** What is shown is not what was asked for any more (another page, another filter): dimmed until it comes. */
    loading() {
      content.classList.add('stale');
      put(line, 'Loading…');
    },
  };
}

/** An error saying that an answer came but could not be shown (a field missing or of another kind). */
export function unreadable(error) {
  return new Error('Wharf answered something the console cannot show (' + error.message + ').');
}

/**
 * A poller's task for a part of a page: `read(wanted)` asks Wharf for what `asked()` says is wanted now, and the answer
 * is dropped when something else is wanted by the time it comes (the next run reads that); `draw(answer, wanted)` runs
 * only when the answer changed, so a refresh keeps the keyboard's place and says nothing new to a screen reader; then
 * `fresh` says the part is current. A refused key goes back to sign-in through `context.failed`.
 */
export function refresh(fresh, context, asked, read, draw) {
  let shown = null;
  return async () => {
    const wanted = asked();
    let answer;
    try {
      answer = await read(wanted);
    } catch (error) {
      if (error.name === 'AbortError') throw error; // the page was left: nothing to say
      if (wanted !== asked()) return;
      fresh.failed(error);
      if (error.status === 401) context.failed(error);
      throw error;
    }
    if (wanted !== asked()) return;
    const seen = wanted + ' ' + JSON.stringify(answer);
    if (seen !== shown) {
      try {
        draw(answer, wanted);
      } catch (error) {
        fresh.failed(unreadable(error));
        throw error;
      }
      shown = seen;
    }
    fresh.ok();
  };
}
