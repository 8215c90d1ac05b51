package dev.ddb.stream.kinesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ddb.common.event.Topics;
import dev.ddb.common.json.Json;
import dev.ddb.common.table.KinesisStreamArn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What stream-service knows of one table's destination: the table (by id: a table re-created under
 * its name is another table), its partition key and region, and the periods in which it was
 * ACTIVE, each with the precision of its records. A change belongs to the destination when its
 * time lies in a period, as a change belongs to a DynamoDB stream when it was made while the
 * stream was enabled: a change the change log delivers late still goes where it belonged.
 *
 * @param periods oldest first; only the last may be open
 */
public record KinesisDestination(String streamArn, String tableId, String tableName, String region,
                                 String hashKeyName, List<Period> periods) {

    /** @param toMillis null while open */
    public record Period(long fromMillis, Long toMillis, String precision) {

        boolean covers(long timeMillis) {
            return timeMillis >= fromMillis && (toMillis == null || timeMillis < toMillis);
        }
    }

    public KinesisDestination {
        periods = List.copyOf(periods);
    }

    /** The record topic: {@link Topics#kinesisTopic} of the stream's region and name. */
    public String topic() {
        KinesisStreamArn arn = KinesisStreamArn.parse(streamArn).orElseThrow();
        return Topics.kinesisTopic(arn.region(), arn.streamName());
    }

    /** The precision of the records of a change made at {@code timeMillis}, if it belongs here. */
    public Optional<String> precisionAt(long timeMillis) {
        for (Period period : periods) {
            if (period.covers(timeMillis)) {
                return Optional.of(period.precision());
            }
        }
        return Optional.empty();
    }

    public Optional<Period> open() {
        return periods.isEmpty() || periods.get(periods.size() - 1).toMillis() != null
                ? Optional.empty() : Optional.of(periods.get(periods.size() - 1));
    }

    /** Ends the open period at {@code millis} (never before it began); unchanged when none is open. */
    public KinesisDestination closedAt(long millis) {
        Optional<Period> open = open();
        if (open.isEmpty()) {
            return this;
        }
        List<Period> next = new ArrayList<>(periods.subList(0, periods.size() - 1));
        next.add(new Period(open.get().fromMillis(), Math.max(millis, open.get().fromMillis()), open.get().precision()));
        return new KinesisDestination(streamArn, tableId, tableName, region, hashKeyName, next);
    }

    /** Closes any open period and opens one with {@code precision} from {@code millis} on. */
    public KinesisDestination openedAt(long millis, String precision) {
        KinesisDestination closed = closedAt(millis);
        List<Period> next = new ArrayList<>(closed.periods);
        long from = next.isEmpty() ? millis : Math.max(millis, next.get(next.size() - 1).toMillis());
        next.add(new Period(from, null, precision));
        return new KinesisDestination(streamArn, tableId, tableName, region, hashKeyName, next);
    }

    /** Without the periods that ended before {@code millis} (their records are past retention). */
    public KinesisDestination withoutPeriodsEndedBefore(long millis) {
        return new KinesisDestination(streamArn, tableId, tableName, region, hashKeyName, periods.stream()
                .filter(period -> period.toMillis() == null || period.toMillis() >= millis).toList());
    }

    public byte[] toJson() {
        ObjectNode node = Json.object().put("StreamArn", streamArn).put("TableId", tableId).put("TableName", tableName)
                .put("Region", region).put("HashKeyName", hashKeyName);
        ArrayNode list = node.putArray("Periods");
        for (Period period : periods) {
            ObjectNode entry = list.addObject().put("From", period.fromMillis()).put("Precision", period.precision());
            if (period.toMillis() != null) {
                entry.put("To", period.toMillis());
            }
        }
        return Json.write(node);
    }

    public static KinesisDestination fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        List<Period> periods = new ArrayList<>();
        for (JsonNode entry : node.path("Periods")) {
            periods.add(new Period(entry.get("From").longValue(), entry.has("To") ? entry.get("To").longValue() : null,
                    entry.get("Precision").stringValue()));
        }
        return new KinesisDestination(node.get("StreamArn").stringValue(), node.get("TableId").stringValue(),
                node.get("TableName").stringValue(), node.get("Region").stringValue(),
                node.get("HashKeyName").stringValue(), periods);
    }
}
