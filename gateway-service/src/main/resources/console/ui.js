// Small DOM helpers and the ways the console shows items and errors.

/** h('button', { onclick, class: 'x' }, 'text', child...) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** An error as the API answered it: its __type and message, never swallowed. */
export function errorBox(error) {
  const type = error.type ?? error.name ?? 'Error';
  return h('div', { class: 'error', role: 'alert' },
    h('strong', { class: 'error-type' }, String(type).split('#').pop()),
    h('span', { class: 'error-message' }, `: ${error.message}`),
    type.includes('#') ? h('div', { class: 'error-full-type' }, type) : null);
}

/** Runs an action, showing its error in `where` (cleared first); returns the action's result or undefined. */
export async function attempt(where, action) {
  where.replaceChildren();
  try {
    return await action();
  } catch (error) {
    console.error(error);
    where.replaceChildren(errorBox(error));
    return undefined;
  }
}

/** One attribute value (DynamoDB JSON) in a table cell. */
export function formatValue(value) {
  if (value === undefined) return '';
  const [type, inner] = Object.entries(value)[0] ?? [];
  switch (type) {
    case 'S': case 'N': case 'B': return inner;
    case 'BOOL': return String(inner);
    case 'NULL': return 'null';
    case 'SS': case 'NS': case 'BS': return `{${inner.join(', ')}}`;
    default: return JSON.stringify(value);
  }
}

/** Items as a table: key attributes first, then every other attribute name the page has. */
export function itemsTable(items, keyNames, rowActions) {
  const names = [...keyNames];
  for (const item of items) for (const name of Object.keys(item)) if (!names.includes(name)) names.push(name);
  return h('table', { class: 'items' },
    h('thead', {}, h('tr', {}, names.map((name) => h('th', { class: keyNames.includes(name) ? 'key' : null }, name)),
      rowActions ? h('th', {}, '') : null)),
    h('tbody', {}, items.map((item) => h('tr', {},
      names.map((name) => h('td', { 'data-attribute': name }, formatValue(item[name]))),
      rowActions ? h('td', { class: 'actions' }, rowActions(item)) : null))));
}

export const pretty = (json) => JSON.stringify(json, null, 2);

/** A field with its label. */
export const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);

export function select(id, options, value) {
  return h('select', { id }, options.map((option) => {
    const [optionValue, text] = Array.isArray(option) ? option : [option, option];
    return h('option', { value: optionValue, selected: optionValue === value }, text);
  }));
}
