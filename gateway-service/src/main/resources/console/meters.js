// Figures from the snapshots GET /console/api/metrics answers (cumulative, as Prometheus keeps
// them): sums over operations or tables, rates between two snapshots (PromQL's rate) and
// percentiles from SuccessfulRequestLatency's histogram buckets (PromQL's histogram_quantile:
// linear within the bucket the rank falls in).

export const COUNTERS = ['requests', 'userErrors', 'systemErrors', 'throttledRequests', 'conditionalCheckFailedRequests',
  'transactionConflict', 'returnedItemCount'];
export const CAPACITY = ['consumedReadCapacityUnits', 'consumedWriteCapacityUnits', 'readThrottleEvents',
  'writeThrottleEvents', 'timeToLiveDeletedItemCount'];

/**
 * A histogram's cumulative count at a bound. Histograms are { count, sum, bounds, cumulative }; as
 * sent, the leading buckets still at 0 and the trailing ones already at the count are left out, so
 * below the first bound it is 0, above the last the count, and between two the lower one's.
 */
function cumulativeAt(latency, le) {
  const { bounds, cumulative } = latency;
  if (bounds.length === 0 || le < bounds[0]) return 0;
  if (le > bounds[bounds.length - 1]) return latency.count;
  let i = bounds.length - 1;
  while (bounds[i] > le) i--;
  return cumulative[i];
}

/** The histogram as GET /console/api/metrics sends it ([[le, cumulative]]), in the form above. */
const histogram = (latency) => ({
  count: latency.count, sum: latency.sum, bounds: latency.buckets.map(([le]) => le), cumulative: latency.buckets.map(([, c]) => c),
});

/** One group's totals: counters summed, histograms merged (every series has the same bounds). */
function total(operations) {
  const sum = Object.fromEntries(COUNTERS.map((name) => [name, 0]));
  const bounds = new Set();
  const histograms = operations.map((operation) => histogram(operation.latency));
  for (const operation of operations) {
    for (const name of COUNTERS) sum[name] += operation[name] ?? 0;
  }
  histograms.forEach((latency) => latency.bounds.forEach((le) => bounds.add(le)));
  const sorted = [...bounds].sort((a, b) => a - b);
  sum.latency = {
    count: histograms.reduce((acc, latency) => acc + latency.count, 0),
    sum: histograms.reduce((acc, latency) => acc + latency.sum, 0),
    bounds: sorted,
    cumulative: sorted.map((le) => histograms.reduce((acc, latency) => acc + cumulativeAt(latency, le), 0)),
  };
  return sum;
}

/** The snapshot's operations grouped by a key (e.g. operation => operation.operation), each group's totals. */
export function totalsBy(snapshot, keyOf) {
  const groups = new Map();
  for (const operation of snapshot.operations) {
    const key = keyOf(operation);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(operation);
  }
  return new Map([...groups].map(([key, operations]) => [key, total(operations)]));
}

/** The capacity rows grouped by a key, each figure summed; provisioned units are gauges, summed too. */
export function capacityBy(snapshot, keyOf) {
  const groups = new Map();
  for (const row of snapshot.capacity) {
    const key = keyOf(row);
    const sum = groups.get(key) ?? Object.fromEntries(CAPACITY.map((name) => [name, 0]));
    for (const name of CAPACITY) sum[name] += row[name] ?? 0;
    for (const name of ['provisionedReadCapacityUnits', 'provisionedWriteCapacityUnits']) {
      if (row[name] !== undefined) sum[name] = (sum[name] ?? 0) + row[name];
    }
    groups.set(key, sum);
  }
  return groups;
}

/** What a counter grew by from `before` to `after`; a counter that went down was reset (a restart). */
export function increase(before, after) {
  if (before === undefined) return after;
  return after >= before ? after - before : after;
}

/** The latency histogram of the requests between two totals (before may be undefined: since the start). */
export function latencyBetween(before, after) {
  if (!before || after.latency.count < before.latency.count) return after.latency;
  const bounds = [...new Set([...before.latency.bounds, ...after.latency.bounds])].sort((a, b) => a - b);
  return {
    count: after.latency.count - before.latency.count,
    sum: after.latency.sum - before.latency.sum,
    bounds,
    cumulative: bounds.map((le) => cumulativeAt(after.latency, le) - cumulativeAt(before.latency, le)),
  };
}

/** The q-quantile (0.5, 0.99) of a histogram, in seconds; null when it counts no request. */
export function quantile(latency, q) {
  if (!latency || latency.count <= 0) return null;
  const rank = q * latency.count;
  const { bounds, cumulative } = latency;
  for (let i = 0; i < bounds.length; i++) {
    if (cumulative[i] >= rank) {
      const lower = i > 0 ? bounds[i - 1] : 0;
      const lowerCount = i > 0 ? cumulative[i - 1] : 0;
      const inBucket = cumulative[i] - lowerCount;
      return inBucket > 0 ? lower + (bounds[i] - lower) * ((rank - lowerCount) / inBucket) : bounds[i];
    }
  }
  return bounds.length ? bounds[bounds.length - 1] : null; // in the +Inf bucket: the highest finite bound
}
