// Who did what to the warehouse, and what was refused: organization admins only.
import {warehousePath} from '../api.js';
import {h, when} from '../dom.js';
import {pagedList} from '../list.js';

export function render(view, context) {
  const list = pagedList(context, {
    caption: 'Management calls, newest first',
    columns: [
      {title: 'When', cell: (row) => when(row.created_at)},
      {title: 'Action', cell: (row) => row.action},
      {title: 'Outcome', cell: (row) => h('span', {class: 'badge ' + String(row.outcome).toLowerCase()}, row.outcome)},
      {title: 'Detail', cell: (row) => row.detail},
      {title: 'User', cell: (row) => row.user_id},
      {title: 'Key', cell: (row) => row.api_key_id},
    ],
    path: (query) => warehousePath(context.project, 'audit_log/' + query),
    query: '?limit=20&offset=0',
    interval: 15000,
    empty: 'Nothing recorded yet.',
  });
  view.append(list.element);
}
