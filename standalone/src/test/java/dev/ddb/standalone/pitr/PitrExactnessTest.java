package dev.ddb.standalone.pitr;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * THE point-in-time recovery test: 10,000 puts, updates and deletes from 8 threads on a table with
 * a GSI; restores to three chosen seconds (writers paused across each) and to the latest
 * restorable time each hold exactly the model's items at that moment, by Scan and by GSI Query.
 */
class PitrExactnessTest {

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = Clients.dynamoDb(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    @Test
    void restoresToChosenSecondsAndToTheLatestTimeEqualTheModel() throws Exception {
        PitrEndToEndTest.createTable(client, "Ledger");
        client.updateContinuousBackups(r -> r.tableName("Ledger")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        PitrWorkload workload = new PitrWorkload(client, "Ledger", 8, 250);
        long started = System.nanoTime();
        List<PitrWorkload.Moment> moments = workload.run(10_000, 3, 14);
        System.out.printf("[PitrExactnessTest] 10,000 writes in %d ms; chosen seconds %s%n",
                (System.nanoTime() - started) / 1_000_000, moments.stream().map(PitrWorkload.Moment::time).toList());

        PitrEndToEndTest.awaitLatestPast(client, "Ledger", moments.get(moments.size() - 1).time());
        for (int i = 0; i < moments.size(); i++) {
            PitrWorkload.Moment moment = moments.get(i);
            String target = "LedgerAt" + i;
            client.restoreTableToPointInTime(r -> r.sourceTableName("Ledger").targetTableName(target)
                    .restoreDateTime(moment.time()));
            PitrEndToEndTest.awaitActive(client, target);
            PitrWorkload.assertEquals(client, target, moment.items());
        }
        Instant beforeLatest = Instant.now();
        client.restoreTableToPointInTime(r -> r.sourceTableName("Ledger").targetTableName("LedgerLatest")
                .useLatestRestorableTime(true));
        var restored = PitrEndToEndTest.awaitActive(client, "LedgerLatest");
        org.assertj.core.api.Assertions.assertThat(restored.restoreSummary().restoreDateTime()).isAfterOrEqualTo(
                beforeLatest.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        PitrWorkload.assertEquals(client, "LedgerLatest", workload.model());
    }
}
