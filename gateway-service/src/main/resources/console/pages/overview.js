// DescribeTable and DescribeTimeToLive: keys, indexes, billing, stream, TTL, item count.
import { ddb } from '../api.js';
import { h, attempt, pretty } from '../ui.js';

export async function overviewTab(body, table) {
  const errors = h('div');
  const ttl = await attempt(errors, () => ddb('DescribeTimeToLive', { TableName: table.TableName }));
  const typeOf = (name) => table.AttributeDefinitions.find((a) => a.AttributeName === name)?.AttributeType ?? '';
  const keys = (schema) => schema.map((k) => `${k.AttributeName} (${typeOf(k.AttributeName)}, ${k.KeyType === 'HASH' ? 'partition' : 'sort'})`).join(', ');
  const billing = table.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
  const throughput = (t) => (t && billing === 'PROVISIONED' ? `${t.ReadCapacityUnits} RCU / ${t.WriteCapacityUnits} WCU` : 'on demand');
  const stream = table.StreamSpecification?.StreamEnabled
    ? `${table.StreamSpecification.StreamViewType} (${table.LatestStreamArn})` : 'off';
  const ttlDescription = ttl?.TimeToLiveDescription;
  const row = (label, value, id) => h('tr', {}, h('th', {}, label), h('td', { id }, value));
  const indexes = [...(table.GlobalSecondaryIndexes ?? []).map((i) => ['global', i]), ...(table.LocalSecondaryIndexes ?? []).map((i) => ['local', i])];
  body.append(errors,
    h('table', { class: 'description' }, h('tbody', {},
      row('Status', table.TableStatus, 'table-status'),
      row('Primary key', keys(table.KeySchema), 'table-keys'),
      row('Billing mode', billing, 'table-billing'),
      row('Capacity', throughput(table.ProvisionedThroughput)),
      row('Item count', table.ItemCount, 'table-item-count'),
      row('Size (bytes)', table.TableSizeBytes),
      row('Stream', stream, 'table-stream'),
      row('Time to live', ttlDescription ? `${ttlDescription.TimeToLiveStatus}${ttlDescription.AttributeName ? ` (${ttlDescription.AttributeName})` : ''}` : '', 'table-ttl'),
      row('Created', table.CreationDateTime ? new Date(table.CreationDateTime * 1000).toISOString() : ''),
      row('ARN', table.TableArn))),
    h('h2', {}, 'Indexes'),
    indexes.length === 0 ? h('p', { class: 'empty' }, 'No secondary indexes.')
      : h('table', { class: 'items', id: 'table-indexes' },
        h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Keys', 'Projection', 'Status', 'Items'].map((c) => h('th', {}, c)))),
        h('tbody', {}, indexes.map(([kind, index]) => h('tr', {},
          h('td', {}, index.IndexName), h('td', {}, kind), h('td', {}, keys(index.KeySchema)),
          h('td', {}, index.Projection?.ProjectionType), h('td', {}, index.IndexStatus ?? 'ACTIVE'), h('td', {}, index.ItemCount))))),
    h('details', {}, h('summary', {}, 'DescribeTable as JSON'), h('pre', {}, pretty(table))));
}
