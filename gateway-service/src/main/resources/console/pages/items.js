// Browse the table page by page: Scan with Limit and ExclusiveStartKey; edit or delete a row.
import { ddb } from '../api.js';
import { h, attempt, itemsTable, field } from '../ui.js';
import { keyNames, keyOf } from './table.js';

export function itemsTab(body, table, { link }) {
  const errors = h('div');
  const results = h('div', { id: 'items' });
  const pageSize = h('input', { id: 'page-size', type: 'number', min: 1, max: 1000, value: 25 });
  const pageLabel = h('span', { id: 'page-number' });
  const previous = h('button', { id: 'previous-page', onclick: () => load(starts.length - 2) }, '← Previous');
  const next = h('button', { id: 'next-page', onclick: () => load(starts.length) }, 'Next →');
  // starts[i] is the ExclusiveStartKey of page i (undefined for the first).
  const starts = [undefined];
  let nextStart;

  async function load(pageIndex) {
    starts.length = pageIndex + 1;
    if (pageIndex > 0 && starts[pageIndex] === undefined) starts[pageIndex] = nextStart;
    const request = { TableName: table.TableName, Limit: Number(pageSize.value) };
    if (starts[pageIndex]) request.ExclusiveStartKey = starts[pageIndex];
    const answer = await attempt(errors, () => ddb('Scan', request));
    if (!answer) return;
    nextStart = answer.LastEvaluatedKey;
    previous.disabled = pageIndex === 0;
    next.disabled = !nextStart;
    pageLabel.textContent = `Page ${pageIndex + 1} · ${answer.Count} items`;
    results.replaceChildren(answer.Items.length === 0 ? h('p', { class: 'empty' }, 'No items.')
      : itemsTable(answer.Items, keyNames(table.KeySchema), (item) => [
        h('a', { class: 'button', href: `${link('item')}/${encodeURIComponent(JSON.stringify(keyOf(table, item)))}` }, 'Edit'),
        h('button', { class: 'danger', onclick: () => remove(item) }, 'Delete')]));
  }

  async function remove(item) {
    if (!confirm('Delete this item?')) return;
    const deleted = await attempt(errors, () => ddb('DeleteItem', { TableName: table.TableName, Key: keyOf(table, item) }));
    if (deleted) load(starts.length - 1);
  }

  body.append(h('div', { class: 'toolbar' },
    h('a', { class: 'button primary', id: 'new-item', href: link('item') }, 'Create item'),
    field('Page size', pageSize), previous, next, pageLabel), errors, results);
  pageSize.addEventListener('change', () => load(0));
  load(0);
}
