// Watch the table's stream live. In open mode: server-sent events from the gateway
// (GET /console/api/tables/NAME/stream, which polls the DynamoDB Streams API from LATEST). In
// verify mode that endpoint cannot check who asks, so the console polls the Streams API itself
// with signed calls (GetShardIterator LATEST, then GetRecords).
import { settings, streams } from '../api.js';
import { h, errorBox, formatValue, pretty } from '../ui.js';

const POLL_MS = 1000;

export function streamTab(body, table) {
  const status = h('p', { id: 'stream-status', class: 'status' }, 'Not watching.');
  const errors = h('div', { id: 'stream-errors' });
  const records = h('ul', { id: 'stream-records' });
  const start = h('button', { class: 'primary', id: 'stream-start', onclick: () => watch() }, 'Watch live');
  const stop = h('button', { id: 'stream-stop', disabled: true, onclick: () => close() }, 'Stop');
  let close = () => {};

  if (!table.StreamSpecification?.StreamEnabled) {
    body.append(h('p', { class: 'empty' }, 'This table has no stream. Enable one with UpdateTable (StreamSpecification).'));
    return undefined;
  }

  function show(record) {
    const change = record.dynamodb ?? {};
    const keys = Object.entries(change.Keys ?? {}).map(([name, value]) => `${name}=${formatValue(value)}`).join(', ');
    records.prepend(h('li', { class: `record ${String(record.eventName).toLowerCase()}`, 'data-event-name': record.eventName },
      h('strong', {}, record.eventName), ` ${keys}`,
      h('span', { class: 'time' }, change.ApproximateCreationDateTime
        ? ` · ${new Date(change.ApproximateCreationDateTime * 1000).toLocaleTimeString()}` : ''),
      h('details', {}, h('summary', {}, 'Record'), h('pre', {}, pretty(record)))));
  }

  function watching(stopIt) {
    start.disabled = true;
    stop.disabled = false;
    close = () => {
      stopIt();
      start.disabled = false;
      stop.disabled = true;
      status.textContent = 'Stopped.';
      status.dataset.state = 'stopped';
    };
  }

  function failed(error) {
    errors.replaceChildren(errorBox(error));
    close();
    status.textContent = 'Stopped by an error.';
  }

  function ready(shards) {
    status.textContent = `Watching ${shards} shard(s) from now on (LATEST)…`;
    status.dataset.state = 'watching';
  }

  function watch() {
    errors.replaceChildren();
    status.textContent = 'Connecting…';
    status.dataset.state = 'connecting';
    if (settings.liveStream) watchEvents();
    else watchByPolling();
  }

  function watchEvents() {
    const source = new EventSource(`api/tables/${encodeURIComponent(table.TableName)}/stream`);
    watching(() => source.close());
    source.addEventListener('ready', (event) => ready(JSON.parse(event.data).Shards));
    source.addEventListener('record', (event) => show(JSON.parse(event.data)));
    source.addEventListener('end', () => { close(); status.textContent = 'The stream ended (disabled, every shard read).'; });
    source.addEventListener('error', (event) => {
      if (event.data) {
        const error = JSON.parse(event.data);
        failed({ type: error.__type, message: error.message ?? error.Message });
      } else if (source.readyState === EventSource.CLOSED) {
        failed({ type: 'ConnectionClosed', message: 'The gateway closed the live stream' });
      } // else: the browser reconnects by itself
    });
  }

  function watchByPolling() {
    let stopped = false;
    watching(() => { stopped = true; });
    const arn = table.LatestStreamArn;
    (async () => {
      const description = await streams('DescribeStream', { StreamArn: arn });
      const open = description.StreamDescription.Shards.filter((s) => !s.SequenceNumberRange?.EndingSequenceNumber);
      let iterators = await Promise.all(open.map((shard) => streams('GetShardIterator',
        { StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'LATEST' }).then((a) => a.ShardIterator)));
      ready(iterators.length);
      while (!stopped && iterators.length) {
        const pages = await Promise.all(iterators.map((ShardIterator) => streams('GetRecords', { ShardIterator })));
        if (stopped) return;
        pages.forEach((page) => page.Records.forEach(show));
        iterators = pages.map((page) => page.NextShardIterator).filter(Boolean);
        if (pages.every((page) => page.Records.length === 0)) await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })().catch(failed);
  }

  body.append(h('div', { class: 'toolbar' }, start, stop), status, errors, records);
  return () => close();
}
