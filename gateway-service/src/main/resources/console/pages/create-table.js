// CreateTable: keys, one optional global secondary index, billing mode, stream.
import { ddb } from '../api.js';
import { h, field, select, attempt } from '../ui.js';

const TYPES = [['S', 'String'], ['N', 'Number'], ['B', 'Binary']];

export function createTablePage(page) {
  const input = (id, attributes = {}) => h('input', { id, ...attributes });
  const form = h('form', { class: 'card', id: 'create-table-form' },
    h('fieldset', {}, h('legend', {}, 'Table'),
      field('Table name', input('table-name', { required: true, pattern: '[a-zA-Z0-9_.\\-]{3,255}' })),
      h('div', { class: 'row' }, field('Partition key', input('partition-key', { required: true })), field('Type', select('partition-key-type', TYPES, 'S'))),
      h('div', { class: 'row' }, field('Sort key (optional)', input('sort-key')), field('Type', select('sort-key-type', TYPES, 'S')))),
    h('fieldset', {}, h('legend', {}, 'Global secondary index (optional)'),
      field('Index name', input('gsi-name')),
      h('div', { class: 'row' }, field('Partition key', input('gsi-partition-key')), field('Type', select('gsi-partition-key-type', TYPES, 'S'))),
      h('div', { class: 'row' }, field('Sort key', input('gsi-sort-key')), field('Type', select('gsi-sort-key-type', TYPES, 'S'))),
      field('Projection', select('gsi-projection', ['ALL', 'KEYS_ONLY'], 'ALL'))),
    h('fieldset', {}, h('legend', {}, 'Capacity and stream'),
      field('Billing mode', select('billing-mode', [['PAY_PER_REQUEST', 'On-demand (PAY_PER_REQUEST)'], ['PROVISIONED', 'Provisioned']], 'PAY_PER_REQUEST')),
      h('div', { class: 'row' }, field('Read capacity units', input('read-capacity', { type: 'number', min: 1, value: 5 })),
        field('Write capacity units', input('write-capacity', { type: 'number', min: 1, value: 5 }))),
      field('Stream', select('stream-view-type', [['', 'Off'], 'NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'], ''))),
    h('button', { type: 'submit', class: 'primary', id: 'create-table-submit' }, 'Create table'));
  const errors = h('div');
  page.append(h('h1', {}, 'Create table'), errors, form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const request = createTableRequest((id) => form.querySelector(`#${id}`).value.trim());
    const created = await attempt(errors, () => ddb('CreateTable', request));
    if (created) location.hash = `#/tables/${encodeURIComponent(request.TableName)}`;
  });
}

/** The CreateTable request the form describes; DynamoDB itself checks it and answers what is wrong. */
export function createTableRequest(value) {
  const definitions = new Map();
  const keySchema = (partition, sort) => {
    const keys = [];
    for (const [id, keyType] of [[partition, 'HASH'], [sort, 'RANGE']]) {
      const name = value(id);
      if (!name) continue;
      definitions.set(name, value(`${id}-type`));
      keys.push({ AttributeName: name, KeyType: keyType });
    }
    return keys;
  };
  const provisioned = value('billing-mode') === 'PROVISIONED';
  const throughput = { ReadCapacityUnits: Number(value('read-capacity')), WriteCapacityUnits: Number(value('write-capacity')) };
  const request = { TableName: value('table-name'), KeySchema: keySchema('partition-key', 'sort-key'), BillingMode: value('billing-mode') };
  if (provisioned) request.ProvisionedThroughput = throughput;
  if (value('gsi-name')) {
    const index = {
      IndexName: value('gsi-name'),
      KeySchema: keySchema('gsi-partition-key', 'gsi-sort-key'),
      Projection: { ProjectionType: value('gsi-projection') },
    };
    if (provisioned) index.ProvisionedThroughput = throughput;
    request.GlobalSecondaryIndexes = [index];
  }
  if (value('stream-view-type')) {
    request.StreamSpecification = { StreamEnabled: true, StreamViewType: value('stream-view-type') };
  }
  request.AttributeDefinitions = [...definitions].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
  return request;
}
