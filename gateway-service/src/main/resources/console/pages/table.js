// One table: its description and tabs for items, Query/Scan, the item editor, the live stream, metrics.
import { ddb } from '../api.js';
import { h, attempt, errorBox } from '../ui.js';
import { overviewTab } from './overview.js';
import { itemsTab } from './items.js';
import { queryTab } from './query.js';
import { itemEditorTab } from './item-editor.js';
import { streamTab } from './stream.js';
import { metricsTab } from './metrics.js';

const TABS = [['overview', 'Overview'], ['items', 'Items'], ['query', 'Query / Scan'], ['stream', 'Stream'], ['metrics', 'Metrics']];
const PAGES = { overview: overviewTab, items: itemsTab, query: queryTab, item: itemEditorTab, stream: streamTab, metrics: metricsTab };

/** Returns what to do when the user leaves the page (a tab may hold a connection). */
export async function tablePage(page, tableName, tab, rest) {
  const errors = h('div', { id: 'table-errors' });
  const link = (id) => `#/tables/${encodeURIComponent(tableName)}/${id}`;
  page.append(
    h('div', { class: 'title' },
      h('h1', { id: 'table-title' }, tableName),
      h('button', { class: 'danger', id: 'delete-table', onclick: () => deleteTable(tableName, errors) }, 'Delete table')),
    h('nav', { class: 'tabs' }, TABS.map(([id, label]) =>
      h('a', { href: link(id), id: `tab-${id}`, class: id === tab ? 'active' : null }, label))),
    errors);
  const answer = await attempt(errors, () => ddb('DescribeTable', { TableName: tableName }));
  if (!answer) return undefined;
  const body = h('section', { class: 'tab', id: `${tab}-tab` });
  page.append(body);
  const show = PAGES[tab];
  if (!show) {
    body.append(errorBox(new Error(`No tab ${tab}`)));
    return undefined;
  }
  return show(body, answer.Table, { link, rest });
}

async function deleteTable(tableName, errors) {
  if (!confirm(`Delete table ${tableName} and all its items?`)) return;
  const deleted = await attempt(errors, () => ddb('DeleteTable', { TableName: tableName }));
  if (deleted) location.hash = '#/';
}

/** The table's key attribute names, partition key first. */
export const keyNames = (keySchema) => [...keySchema].sort((a, b) => (a.KeyType === 'HASH' ? -1 : b.KeyType === 'HASH' ? 1 : 0)).map((key) => key.AttributeName);

/** An item's primary key, for GetItem, DeleteItem and the editor's address. */
export function keyOf(table, item) {
  return Object.fromEntries(keyNames(table.KeySchema).map((name) => [name, item[name]]));
}
