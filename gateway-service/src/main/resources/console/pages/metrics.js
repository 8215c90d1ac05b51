// METRICS PLACEHOLDER (issue 16, part 1): latency and capacity graphs for the last minutes, read
// from the same Micrometer meters as /actuator/prometheus (SuccessfulRequestLatency,
// ConsumedRead/WriteCapacityUnits, ThrottledRequests, ... tagged by table). Another part of the
// project adds the meters; the graphs belong here, in this tab, and nowhere else in the console.
import { h } from '../ui.js';

export function metricsTab(body, table) {
  body.append(h('div', { class: 'card placeholder', id: 'metrics-placeholder', 'data-table': table.TableName },
    h('h2', {}, 'Metrics'),
    h('p', {}, 'Latency and capacity graphs for this table will appear here, drawn from the meters at ',
      h('code', {}, '/actuator/prometheus'), '.')));
}
