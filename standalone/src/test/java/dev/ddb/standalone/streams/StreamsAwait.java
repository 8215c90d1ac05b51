package dev.ddb.standalone.streams;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import dev.ddb.standalone.Await;

/** Waiting for what stream-service learns asynchronously, from ddb.table-events. */
final class StreamsAwait {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private StreamsAwait() {
    }

    /** A stream enabled a moment ago is listed once stream-service read the table event (DynamoDB: ENABLING). */
    static void listed(DynamoDbStreamsClient streams, String tableName, String streamArn) {
        until("stream " + streamArn + " listed", () -> streams.listStreams(b -> b.tableName(tableName)).streams().stream()
                .anyMatch(stream -> stream.streamArn().equals(streamArn)));
    }

    static void until(String what, BooleanSupplier condition) {
        Await.until(what, WAIT, condition);
    }
}
