// Metrics: one table's (its tab) or every table's (the Metrics page) figures and graphs for the last
// minutes, from the same meters as /actuator/prometheus: GET /console/api/metrics, which reads every
// service's meters when asked. The browser polls it every 5 s and keeps 15 minutes of snapshots;
// rates and percentiles come from the differences between two snapshots.
import { consoleGet } from '../api.js';
import { h, errorBox } from '../ui.js';
import { lineChart, formatFigure } from '../charts.js';
import { totalsBy, capacityBy, increase, latencyBetween, quantile } from '../meters.js';

const POLL_MS = 5000;
const KEEP_MS = 15 * 60 * 1000;
/** A gap longer than this between two samples (the view was closed) is drawn as a gap. */
const GAP_MS = 3 * POLL_MS;
const MOST_LINES = 8;
/** Snapshots by scope ('' for every table, else a table's name), oldest first: kept while the console is open. */
const histories = new Map();

export function metricsTab(body, table) {
  return metricsView(body, table.TableName);
}

export function metricsPage(page) {
  page.append(h('div', { class: 'title' }, h('h1', {}, 'Metrics')));
  return metricsView(page, null);
}

const NO_TABLE = '(no single table)';
const ms = (seconds) => (seconds === null ? null : seconds * 1000);
const rate = (before, after, name, seconds) => (before ? increase(before[name], after[name]) / seconds : null);

/** Returns what stops the polling when the user leaves. */
function metricsView(where, tableName) {
  const perTable = tableName === null;
  const scope = tableName ?? '';
  if (!histories.has(scope)) histories.set(scope, []);
  const history = histories.get(scope);
  const groupOf = perTable ? (operation) => operation.table : (operation) => operation.operation;

  const status = h('p', { id: 'metrics-status', class: 'status' }, 'Reading the meters…');
  const errors = h('div', { id: 'metrics-errors' });
  const services = h('div', { id: 'metrics-services' });
  const figures = h('div', { id: 'metrics-figures' });
  const capacity = h('div', { id: 'metrics-capacity' });
  const charts = {
    requests: lineChart({ id: 'chart-requests', title: `Requests per second, by ${perTable ? 'table' : 'operation'}` }),
    latency: lineChart({ id: 'chart-latency', title: 'SuccessfulRequestLatency (ms)' }),
    capacity: lineChart({ id: 'chart-capacity', title: 'Consumed capacity units per second' }),
    problems: lineChart({ id: 'chart-problems', title: 'Throttles and errors per second' }),
  };
  where.append(h('section', { class: 'metrics', id: 'metrics', 'data-scope': perTable ? '*' : tableName },
    status, errors, services,
    h('div', { class: 'charts' }, Object.values(charts).map((chart) => chart.element)),
    h('h2', {}, perTable ? 'Requests by table' : 'Requests by operation'),
    h('p', { class: 'hint' }, 'Totals since the services started; per second over the last interval.'),
    figures,
    h('h2', {}, 'Capacity'),
    capacity));

  function render() {
    const latest = history[history.length - 1];
    const previous = history.length > 1 ? history[history.length - 2] : null;
    const seconds = previous ? (latest.time - previous.time) / 1000 : null;
    const minutes = ((latest.time - history[0].time) / 60000).toFixed(1);
    status.textContent = `Updated ${new Date(latest.time).toLocaleTimeString()} · every ${POLL_MS / 1000} s · `
      + `${history.length} sample(s) over ${minutes} min`;
    status.dataset.samples = String(history.length);
    const down = latest.services.filter((service) => !service.up);
    services.replaceChildren(...down.map((service) => h('div', { class: 'error', 'data-service': service.service },
      h('strong', { class: 'error-type' }, `${service.service} did not answer`), h('span', {}, `: ${service.error}`))));
    renderFigures(latest, previous, seconds);
    renderCapacity(latest, previous, seconds);
    renderCharts();
  }

  function renderFigures(latest, previous, seconds) {
    const totals = totalsBy(latest, groupOf);
    const before = previous ? totalsBy(previous, groupOf) : new Map();
    const all = totalsBy(latest, () => '*').get('*');
    const allBefore = previous ? totalsBy(previous, () => '*').get('*') : undefined;
    if (totals.size === 0) {
      figures.replaceChildren(h('p', { class: 'empty' }, 'No requests yet.'));
      return;
    }
    const row = (key, label, group, was) => h('tr', { 'data-group': key },
      h('th', {}, label),
      cell('requests', group.requests),
      cell('requests-per-second', rate(was, group, 'requests', seconds)),
      cell('p50', ms(quantile(group.latency, 0.5))),
      cell('p99', ms(quantile(group.latency, 0.99))),
      cell('average', group.latency.count ? (group.latency.sum / group.latency.count) * 1000 : null),
      cell('user-errors', group.userErrors),
      cell('system-errors', group.systemErrors),
      cell('throttled', group.throttledRequests),
      cell('conditional-check-failed', group.conditionalCheckFailedRequests));
    const name = (key) => (perTable
      ? (key ? h('a', { href: `#/tables/${encodeURIComponent(key)}/metrics` }, key) : NO_TABLE)
      : key);
    figures.replaceChildren(h('table', { class: 'items figures' },
      h('thead', {}, h('tr', {}, [perTable ? 'Table' : 'Operation', 'Requests', 'Requests/s', 'p50 ms', 'p99 ms', 'Average ms',
        'User errors', 'System errors', 'Throttled', 'Conditional check failed'].map((c) => h('th', {}, c)))),
      h('tbody', {}, [...totals].sort(([a], [b]) => a.localeCompare(b))
        .map(([key, group]) => row(key, name(key), group, before.get(key)))),
      h('tfoot', {}, row('*', 'All', all, allBefore))));
  }

  function renderCapacity(latest, previous, seconds) {
    const keyOf = (row) => `${row.table}\u0000${row.index}`;
    const rows = capacityBy(latest, keyOf);
    const before = previous ? capacityBy(previous, keyOf) : new Map();
    if (rows.size === 0) {
      capacity.replaceChildren(h('p', { class: 'empty' }, 'No capacity consumed yet.'));
      return;
    }
    capacity.replaceChildren(h('table', { class: 'items figures' },
      h('thead', {}, h('tr', {}, [perTable ? 'Table' : null, 'Index', 'Read units', 'Read units/s', 'Write units',
        'Write units/s', 'Provisioned read / write', 'Read throttle events', 'Write throttle events', 'TTL deletes']
        .filter((c) => c !== null).map((c) => h('th', {}, c)))),
      h('tbody', {}, [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([key, units]) => {
        const [table, index] = key.split('\u0000');
        const was = before.get(key);
        return h('tr', { 'data-table': table, 'data-index': index },
          perTable ? h('th', {}, table || NO_TABLE) : null,
          h(perTable ? 'td' : 'th', {}, index || '(table)'),
          cell('consumed-read', units.consumedReadCapacityUnits),
          cell('consumed-read-per-second', rate(was, units, 'consumedReadCapacityUnits', seconds)),
          cell('consumed-write', units.consumedWriteCapacityUnits),
          cell('consumed-write-per-second', rate(was, units, 'consumedWriteCapacityUnits', seconds)),
          h('td', { 'data-figure': 'provisioned' }, units.provisionedReadCapacityUnits === undefined ? 'on demand'
            : `${formatFigure(units.provisionedReadCapacityUnits)} / ${formatFigure(units.provisionedWriteCapacityUnits)}`),
          cell('read-throttle-events', units.readThrottleEvents),
          cell('write-throttle-events', units.writeThrottleEvents),
          cell('ttl-deleted', units.timeToLiveDeletedItemCount));
      }))));
  }

  /** One point per pair of consecutive snapshots, at the later one's time; null across a gap. */
  function series(valueOf) {
    const values = [];
    for (let i = 1; i < history.length; i++) {
      const elapsed = history[i].time - history[i - 1].time;
      values.push(elapsed > GAP_MS || elapsed <= 0 ? null : valueOf(history[i - 1], history[i], elapsed / 1000));
    }
    return values;
  }

  function renderCharts() {
    const times = history.slice(1).map((snapshot) => snapshot.time / 1000);
    const totals = history.map((snapshot) => totalsBy(snapshot, groupOf));
    const all = history.map((snapshot) => totalsBy(snapshot, () => '*').get('*'));
    const index = new Map(history.map((snapshot, i) => [snapshot, i]));
    const at = (list, snapshot) => list[index.get(snapshot)];

    // The busiest groups over the window, at most MOST_LINES of them.
    const latest = totals[totals.length - 1];
    const first = totals[0];
    const keys = [...latest.keys()]
      .map((key) => [key, increase(first.get(key)?.requests, latest.get(key).requests)])
      .sort((a, b) => b[1] - a[1]).slice(0, MOST_LINES).map(([key]) => key).sort();
    charts.requests.update(times, keys.map((key) => ({
      label: perTable ? key || NO_TABLE : key,
      values: series((a, b, s) => {
        const after = at(totals, b).get(key);
        return after ? increase(at(totals, a).get(key)?.requests, after.requests) / s : 0;
      }),
    })));

    const latency = (q) => series((a, b) => {
      const after = at(all, b);
      return after ? ms(quantile(latencyBetween(at(all, a), after), q)) : null;
    });
    charts.latency.update(times, all[all.length - 1]
      ? [{ label: 'p50', values: latency(0.5) }, { label: 'p99', values: latency(0.99) }] : []);

    const ownCapacity = history.map((snapshot) => capacityBy(snapshot, (row) => (row.index === '' ? 'table' : 'index')).get('table'));
    const capacityRate = (name) => series((a, b, s) => {
      const after = at(ownCapacity, b);
      return after ? increase(at(ownCapacity, a)?.[name], after[name]) / s : 0;
    });
    const capacityLines = [{ label: 'read', values: capacityRate('consumedReadCapacityUnits') },
      { label: 'write', values: capacityRate('consumedWriteCapacityUnits') }];
    if (ownCapacity[ownCapacity.length - 1]?.provisionedReadCapacityUnits !== undefined) {
      const provisioned = (name) => history.slice(1).map((snapshot) => at(ownCapacity, snapshot)?.[name] ?? null);
      capacityLines.push({ label: 'provisioned read', values: provisioned('provisionedReadCapacityUnits'), dash: [6, 4] },
        { label: 'provisioned write', values: provisioned('provisionedWriteCapacityUnits'), dash: [6, 4] });
    }
    charts.capacity.update(times, capacityLines);

    const problem = (name, list = all) => series((a, b, s) => {
      const after = at(list, b);
      return after ? increase(at(list, a)?.[name], after[name]) / s : 0;
    });
    charts.problems.update(times, [
      { label: 'ThrottledRequests', values: problem('throttledRequests') },
      { label: 'ReadThrottleEvents', values: problem('readThrottleEvents', ownCapacity) },
      { label: 'WriteThrottleEvents', values: problem('writeThrottleEvents', ownCapacity) },
      { label: 'UserErrors', values: problem('userErrors') },
      { label: 'SystemErrors', values: problem('systemErrors') },
      { label: 'ConditionalCheckFailed', values: problem('conditionalCheckFailedRequests') },
    ]);
  }

  let timer;
  let stopped = false;
  async function poll() {
    try {
      const snapshot = await consoleGet('metrics', tableName ? { table: tableName } : {});
      if (stopped) return;
      errors.replaceChildren();
      history.push(snapshot);
      while (history.length > 2 && snapshot.time - history[0].time > KEEP_MS) history.shift();
      render();
    } catch (error) {
      if (!stopped) errors.replaceChildren(errorBox(error));
    }
    if (!stopped) timer = setTimeout(poll, POLL_MS);
  }
  poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function cell(figure, value) {
  return h('td', { 'data-figure': figure, class: 'number' }, formatFigure(value));
}
