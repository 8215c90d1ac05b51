// The tables of the region: ListTables, every page.
import { ddb } from '../api.js';
import { h, attempt } from '../ui.js';

export async function tablesPage(page) {
  const errors = h('div');
  const list = h('div', { id: 'tables' }, 'Loading…');
  page.append(h('div', { class: 'title' }, h('h1', {}, 'Tables'),
    h('a', { class: 'button primary', id: 'create-table', href: '#/create' }, 'Create table')), errors, list);
  const names = await attempt(errors, async () => {
    const all = [];
    let start;
    do {
      const answer = await ddb('ListTables', start ? { ExclusiveStartTableName: start } : {});
      all.push(...answer.TableNames);
      start = answer.LastEvaluatedTableName;
    } while (start);
    return all;
  });
  if (!names) return list.replaceChildren();
  list.replaceChildren(names.length === 0
    ? h('p', { class: 'empty' }, 'No tables yet.')
    : h('ul', { class: 'table-list' }, names.map((name) =>
      h('li', {}, h('a', { href: `#/tables/${encodeURIComponent(name)}`, 'data-table': name }, name)))));
}
