package dev.ddb.standalone.tail;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.json.Json;

/**
 * One record as one line of JSON: {"partition","offset","timestamp","key","value"}. Every topic of
 * the suite has text keys and JSON values; the value is embedded as JSON so that tools like jq read
 * it directly, and as a string if it is not JSON.
 */
final class TailLine {

    private TailLine() {
    }

    static String of(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode line = Json.object();
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", record.timestamp());
        line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        if (record.value() == null) {
            line.putNull("value");
        } else if (record.value().length == 0) {
            line.put("value", "");
        } else {
            try {
                line.set("value", Json.read(record.value()));
            } catch (JacksonException notJson) {
                line.put("value", new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        return new String(Json.write(line), StandardCharsets.UTF_8);
    }
}
