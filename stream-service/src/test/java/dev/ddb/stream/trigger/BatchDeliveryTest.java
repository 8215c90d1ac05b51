package dev.ddb.stream.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;
import dev.ddb.stream.trigger.FunctionInvoker.InvokeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class BatchDeliveryTest {

    private static final long NOW = 1_000_000_000L;

    /** A function that answers by the sequence numbers of the batch it got, and keeps them. */
    private static final class Recorder implements FunctionInvoker {
        final List<List<String>> batches = new ArrayList<>();
        final Function<List<String>, InvokeResult> behaviour;

        Recorder(Function<List<String>, InvokeResult> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public InvokeResult invoke(byte[] event) {
            List<String> sequences = new ArrayList<>();
            Json.read(event).get("Records").forEach(r -> sequences.add(r.get("dynamodb").get("SequenceNumber").stringValue()));
            batches.add(sequences);
            return behaviour.apply(sequences);
        }
    }

    private static final class Outcome implements BatchDelivery.Listener {
        final List<Long> done = new ArrayList<>();
        final List<String> discarded = new ArrayList<>();
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public void done(long nextOffset) {
            done.add(nextOffset);
        }

        @Override
        public void discarded(StreamBatch part, String condition, int invokeCount, InvokeResult last) {
            discarded.add(condition + ":" + part.records().stream().map(StreamBatch.Entry::sequenceNumber).toList());
        }
    }

    /** Records with sequence numbers "1".."n" at offsets 10.., arrived at the given ages (seconds before NOW). */
    private static StreamBatch batch(int n, long... agesSeconds) {
        List<StreamBatch.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ObjectNode record = Json.object();
            record.putObject("dynamodb").put("SequenceNumber", Integer.toString(i));
            long age = agesSeconds.length >= i ? agesSeconds[i - 1] : 0;
            entries.add(new StreamBatch.Entry(9 + i, NOW - age * 1000, Integer.toString(i), record));
        }
        return new StreamBatch(0, entries, 10 + n + 3); // three records filtered out after the last
    }

    private static BatchDelivery delivery(int retries, int maxAge, boolean bisect, boolean report, Recorder function, Outcome outcome) {
        return new BatchDelivery(new BatchDelivery.Policy(retries, maxAge, bisect, report, Duration.ofMillis(100)),
                function, () -> NOW, outcome.sleeps::add);
    }

    private static InvokeResult failIfContains(List<String> batch, String poison) {
        return batch.contains(poison) ? InvokeResult.failed(500, "boom") : InvokeResult.ok(200, new byte[0]);
    }

    @Test
    void aSuccessfulBatchIsDoneUpToItsEndIncludingFilteredRecords() throws Exception {
        Recorder function = new Recorder(batch -> InvokeResult.ok(200, new byte[0]));
        Outcome outcome = new Outcome();
        delivery(-1, -1, false, false, function, outcome).deliver(batch(3), outcome);
        assertThat(function.batches).containsExactly(List.of("1", "2", "3"));
        assertThat(outcome.done).containsExactly(16L);
        assertThat(outcome.sleeps).isEmpty();
    }

    @Test
    void aFailedBatchIsRetriedWithGrowingBackoffThenDiscarded() throws Exception {
        Recorder function = new Recorder(batch -> InvokeResult.failed(500, "boom"));
        Outcome outcome = new Outcome();
        delivery(2, -1, false, false, function, outcome).deliver(batch(2), outcome);
        assertThat(function.batches).hasSize(3); // the first try and two retries
        assertThat(outcome.sleeps).containsExactly(100L, 200L);
        assertThat(outcome.discarded).containsExactly("RetryAttemptsExhausted:[1, 2]");
        assertThat(outcome.done).containsExactly(15L);
    }

    @Test
    void zeroRetryAttemptsDiscardsAfterTheFirstFailure() throws Exception {
        Recorder function = new Recorder(batch -> InvokeResult.failed(0, "timeout"));
        Outcome outcome = new Outcome();
        delivery(0, -1, false, false, function, outcome).deliver(batch(1), outcome);
        assertThat(function.batches).hasSize(1);
        assertThat(outcome.discarded).containsExactly("RetryAttemptsExhausted:[1]");
    }

    @Test
    void bisectionIsolatesTheFailingRecordWithoutUsingRetries() throws Exception {
        Recorder function = new Recorder(batch -> failIfContains(batch, "3"));
        Outcome outcome = new Outcome();
        delivery(1, -1, true, false, function, outcome).deliver(batch(4), outcome);
        assertThat(function.batches).containsExactly(List.of("1", "2", "3", "4"), List.of("1", "2"), List.of("3", "4"),
                List.of("3"), List.of("3"), List.of("4"));
        assertThat(outcome.discarded).containsExactly("RetryAttemptsExhausted:[3]");
        // [1,2] done up to record 3's offset, [3] up to 4's, [4] to the batch's end
        assertThat(outcome.done).containsExactly(12L, 13L, 17L);
    }

    @Test
    void aPartialBatchResponseRetriesFromTheFirstFailedRecord() throws Exception {
        List<Integer> calls = new ArrayList<>();
        Recorder function = new Recorder(batch -> {
            calls.add(1);
            String body = calls.size() == 1 ? "{\"batchItemFailures\":[{\"itemIdentifier\":\"4\"},{\"itemIdentifier\":\"2\"}]}" : "{}";
            return InvokeResult.ok(200, body.getBytes(StandardCharsets.UTF_8));
        });
        Outcome outcome = new Outcome();
        delivery(-1, -1, false, true, function, outcome).deliver(batch(4), outcome);
        assertThat(function.batches).containsExactly(List.of("1", "2", "3", "4"), List.of("2", "3", "4"));
        assertThat(outcome.done).containsExactly(11L, 17L);
    }

    @Test
    void anUnknownOrEmptyItemIdentifierFailsTheWholeBatch() throws Exception {
        for (String body : List.of("{\"batchItemFailures\":[{\"itemIdentifier\":\"99\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}", "[not json")) {
            Recorder function = new Recorder(batch -> InvokeResult.ok(200, body.getBytes(StandardCharsets.UTF_8)));
            Outcome outcome = new Outcome();
            delivery(0, -1, false, true, function, outcome).deliver(batch(2), outcome);
            assertThat(outcome.discarded).as(body).containsExactly("RetryAttemptsExhausted:[1, 2]");
        }
    }

    @Test
    void withoutReportBatchItemFailuresA2xxBodyIsIgnored() throws Exception {
        Recorder function = new Recorder(batch -> InvokeResult.ok(200,
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"1\"}]}".getBytes(StandardCharsets.UTF_8)));
        Outcome outcome = new Outcome();
        delivery(-1, -1, false, false, function, outcome).deliver(batch(2), outcome);
        assertThat(function.batches).hasSize(1);
        assertThat(outcome.discarded).isEmpty();
    }

    @Test
    void recordsOlderThanTheMaximumAgeAreDiscardedUnsent() throws Exception {
        Recorder function = new Recorder(batch -> InvokeResult.ok(200, new byte[0]));
        Outcome outcome = new Outcome();
        delivery(-1, 60, false, false, function, outcome).deliver(batch(3, 120, 61, 10), outcome);
        assertThat(outcome.discarded).containsExactly("RecordAgeExceeded:[1, 2]");
        assertThat(function.batches).containsExactly(List.of("3"));
        assertThat(outcome.done).containsExactly(12L, 16L);
    }

    @Test
    void aTtlDeletesUserIdentityIsWrittenAsLambdaWritesIt() {
        ObjectNode streamRecord = (ObjectNode) Json.read(("{\"eventID\":\"e\",\"eventName\":\"REMOVE\",\"dynamodb\":{},"
                + "\"userIdentity\":{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}}").getBytes(StandardCharsets.UTF_8));
        ObjectNode record = LambdaEvents.record(streamRecord, "arn:s");
        assertThat(record.get("eventSourceARN").stringValue()).isEqualTo("arn:s");
        assertThat(record.get("userIdentity")).isEqualTo(Json.read(
                "{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(streamRecord.has("eventSourceARN")).isFalse();
    }

    @Test
    void theEventIsLambdasRecordsEnvelope() {
        JsonNode event = Json.read(LambdaEvents.event(batch(2)));
        assertThat(event.get("Records").size()).isEqualTo(2);
        assertThat(event.get("Records").get(0).get("dynamodb").get("SequenceNumber").stringValue()).isEqualTo("1");
    }
}
