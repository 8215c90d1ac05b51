// Query and Scan with a form: key condition, filter, index, order, limit; results as a table and as JSON.
import { ddb } from '../api.js';
import { h, attempt, itemsTable, pretty, field, select } from '../ui.js';
import { keyNames } from './table.js';

const SORT_OPERATORS = [['', '(any)'], '=', '<', '<=', '>', '>=', ['begins_with', 'begins with'], ['between', 'between']];

export function queryTab(body, table) {
  const indexes = [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])];
  const input = (id, attributes = {}) => h('input', { id, ...attributes });
  const operation = select('query-operation', ['Query', 'Scan'], 'Query');
  const index = select('query-index', [['', `Table: ${table.TableName}`], ...indexes.map((i) => [i.IndexName, `Index: ${i.IndexName}`])], '');
  const partitionLabel = h('span', {});
  const sortLabel = h('span', {});
  const partitionValue = input('query-partition-value');
  const sortOperator = select('query-sort-operator', SORT_OPERATORS, '');
  const sortValue = input('query-sort-value');
  const sortValue2 = input('query-sort-value2', { placeholder: 'and (between)' });
  const filter = input('query-filter', { placeholder: 'e.g. #y > :y AND attribute_exists(album)' });
  const names = h('textarea', { id: 'query-names', rows: 2, placeholder: '{"#y": "year"}' });
  const values = h('textarea', { id: 'query-values', rows: 2, placeholder: '{":y": {"N": "2000"}}' });
  const order = select('query-order', [['true', 'Ascending'], ['false', 'Descending']], 'true');
  const limit = input('query-limit', { type: 'number', min: 1, placeholder: 'no limit' });
  const keyFields = h('div', { class: 'key-fields' },
    h('div', { class: 'row' }, field(partitionLabel, partitionValue)),
    h('div', { class: 'row' }, field(sortLabel, sortOperator), field('Value', sortValue), field('', sortValue2)));
  const errors = h('div');
  const summary = h('p', { id: 'query-summary' });
  const results = h('div', { id: 'query-results' });
  const json = h('pre', { id: 'query-json' });
  const more = h('button', { id: 'query-next', hidden: true, onclick: () => run(lastKey) }, 'Next page →');
  let lastKey;

  const schema = () => (index.value ? indexes.find((i) => i.IndexName === index.value).KeySchema : table.KeySchema);
  const typeOf = (name) => table.AttributeDefinitions.find((a) => a.AttributeName === name)?.AttributeType ?? 'S';
  function describeKeys() {
    const [partition, sort] = keyNames(schema());
    partitionLabel.textContent = `Partition key: ${partition} (${typeOf(partition)}) =`;
    sortLabel.textContent = sort ? `Sort key: ${sort} (${typeOf(sort)})` : 'No sort key';
    sortOperator.disabled = sortValue.disabled = sortValue2.disabled = !sort;
    keyFields.hidden = operation.value === 'Scan';
    order.disabled = operation.value === 'Scan';
  }
  operation.addEventListener('change', describeKeys);
  index.addEventListener('change', describeKeys);
  describeKeys();

  function request(startKey) {
    const parse = (textarea, label) => {
      if (!textarea.value.trim()) return {};
      try {
        return JSON.parse(textarea.value);
      } catch (error) {
        throw new Error(`${label} is not JSON: ${error.message}`);
      }
    };
    const attributeNames = parse(names, 'Expression attribute names');
    const attributeValues = parse(values, 'Expression attribute values');
    const built = { TableName: table.TableName };
    if (index.value) built.IndexName = index.value;
    if (operation.value === 'Query') {
      const [partition, sort] = keyNames(schema());
      const value = (name, text) => ({ [typeOf(name)]: text });
      attributeNames['#pk'] = partition;
      attributeValues[':pk'] = value(partition, partitionValue.value);
      let condition = '#pk = :pk';
      if (sort && sortOperator.value) {
        attributeNames['#sk'] = sort;
        attributeValues[':sk'] = value(sort, sortValue.value);
        if (sortOperator.value === 'begins_with') condition += ' AND begins_with(#sk, :sk)';
        else if (sortOperator.value === 'between') {
          attributeValues[':sk2'] = value(sort, sortValue2.value);
          condition += ' AND #sk BETWEEN :sk AND :sk2';
        } else condition += ` AND #sk ${sortOperator.value} :sk`;
      }
      built.KeyConditionExpression = condition;
      built.ScanIndexForward = order.value === 'true';
    }
    if (filter.value.trim()) built.FilterExpression = filter.value.trim();
    if (Object.keys(attributeNames).length) built.ExpressionAttributeNames = attributeNames;
    if (Object.keys(attributeValues).length) built.ExpressionAttributeValues = attributeValues;
    if (limit.value) built.Limit = Number(limit.value);
    if (startKey) built.ExclusiveStartKey = startKey;
    return built;
  }

  async function run(startKey) {
    const answer = await attempt(errors, () => ddb(operation.value, request(startKey)));
    if (!answer) return;
    lastKey = answer.LastEvaluatedKey;
    more.hidden = !lastKey;
    summary.textContent = `${operation.value}: ${answer.Count} items returned, ${answer.ScannedCount} scanned${lastKey ? ', more to read' : ''}`;
    const shownKeys = [...new Set([...keyNames(table.KeySchema), ...keyNames(schema())])];
    results.replaceChildren(answer.Items.length === 0 ? h('p', { class: 'empty' }, 'No items matched.') : itemsTable(answer.Items, shownKeys));
    json.textContent = pretty(answer);
  }

  body.append(h('form', {
    class: 'card',
    id: 'query-form',
    onsubmit: (event) => { event.preventDefault(); run(undefined); },
  },
  h('div', { class: 'row' }, field('Operation', operation), field('Table or index', index)),
  keyFields,
  field('Filter expression', filter),
  h('div', { class: 'row' }, field('Expression attribute names', names), field('Expression attribute values (DynamoDB JSON)', values)),
  h('div', { class: 'row' }, field('Order', order), field('Limit', limit)),
  h('button', { type: 'submit', class: 'primary', id: 'query-run' }, 'Run')),
  errors, summary, results, more,
  h('details', { open: true }, h('summary', {}, 'Response as JSON'), json));
}
