// Put, edit and delete one item as DynamoDB JSON (or plain JSON, converted for strings, numbers,
// booleans, null, lists and maps).
import { ddb } from '../api.js';
import { h, attempt, pretty, field, select } from '../ui.js';
import { keyNames } from './table.js';

export async function itemEditorTab(body, table, { link, rest }) {
  const errors = h('div');
  const key = rest[0] ? JSON.parse(rest[0]) : null;
  const editor = h('textarea', { id: 'item-json', rows: 18, spellcheck: 'false' });
  const format = select('item-format', [['dynamodb', 'DynamoDB JSON'], ['plain', 'Plain JSON']], 'dynamodb');
  const status = h('span', { id: 'item-status', class: 'status' });
  let shown = 'dynamodb';

  if (key) {
    const answer = await attempt(errors, () => ddb('GetItem', { TableName: table.TableName, Key: key, ConsistentRead: true }));
    if (answer && !answer.Item) errors.append(h('p', {}, 'No item has this key any more; saving puts it again.'));
    editor.value = pretty(answer?.Item ?? key);
  } else {
    editor.value = pretty(Object.fromEntries(keyNames(table.KeySchema).map((name) => {
      const type = table.AttributeDefinitions.find((a) => a.AttributeName === name).AttributeType;
      return [name, { [type]: type === 'N' ? '0' : '' }];
    })));
  }

  format.addEventListener('change', () => {
    const parsed = attemptParse(errors, editor.value);
    if (parsed === undefined) return void (format.value = shown);
    editor.value = pretty(format.value === 'plain' ? toPlain({ M: parsed }) : fromPlain(parsed).M);
    shown = format.value;
  });

  async function save() {
    const parsed = attemptParse(errors, editor.value);
    if (parsed === undefined) return;
    const item = shown === 'plain' ? fromPlain(parsed).M : parsed;
    const put = await attempt(errors, () => ddb('PutItem', { TableName: table.TableName, Item: item }));
    if (!put) return;
    const keyChanged = key && keyNames(table.KeySchema).some((name) => JSON.stringify(item[name]) !== JSON.stringify(key[name]));
    status.textContent = `Saved at ${new Date().toLocaleTimeString()}`
      + (keyChanged ? ' as a new item: its key changed, and the item it was loaded from is still there' : '');
  }

  async function remove() {
    const parsed = attemptParse(errors, editor.value);
    if (parsed === undefined || !confirm('Delete this item?')) return;
    const item = shown === 'plain' ? fromPlain(parsed).M : parsed;
    const Key = Object.fromEntries(keyNames(table.KeySchema).map((name) => [name, item[name]]));
    const deleted = await attempt(errors, () => ddb('DeleteItem', { TableName: table.TableName, Key }));
    if (deleted) location.hash = link('items');
  }

  body.append(h('h2', {}, key ? 'Edit item' : 'Create item'),
    h('p', { class: 'hint' }, 'PutItem replaces the whole item with what is written here.'),
    errors, field('Format', format), editor,
    h('div', { class: 'toolbar' },
      h('button', { class: 'primary', id: 'save-item', onclick: save }, 'Save (PutItem)'),
      h('button', { class: 'danger', id: 'delete-item', onclick: remove }, 'Delete (DeleteItem)'),
      h('a', { class: 'button', href: link('items') }, 'Back to items'), status));
}

function attemptParse(errors, text) {
  try {
    errors.replaceChildren();
    return JSON.parse(text);
  } catch (error) {
    errors.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Not JSON'), `: ${error.message}`));
    return undefined;
  }
}

/** Plain JSON to an attribute value: numbers become N (as JSON wrote them), arrays L, objects M. */
export function fromPlain(value) {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(fromPlain) };
  return { M: Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, fromPlain(inner)])) };
}

/** An attribute value as plain JSON: sets become arrays, binary stays base64. */
export function toPlain(value) {
  const [type, inner] = Object.entries(value)[0];
  switch (type) {
    case 'N': return Number(inner);
    case 'NS': return inner.map(Number);
    case 'NULL': return null;
    case 'L': return inner.map(toPlain);
    case 'M': return Object.fromEntries(Object.entries(inner).map(([name, v]) => [name, toPlain(v)]));
    default: return inner; // S, B, BOOL, SS, BS
  }
}
