package dev.ddb.standalone.pitr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LauncherProcess;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Point-in-time recovery across {@code kill -9}: the stack (its own process, SYNC durability) is
 * killed right after a burst of writes (the archive may not have caught up: nothing acknowledged
 * may be lost) and started again on the same data; more writes follow. Restores to two seconds
 * chosen before the kill, one after, and to the latest time each equal the model exactly; a
 * point-in-time restore answered just before the kill completes after the restart.
 */
class PitrKillNineTest {

    private static final Path LOGS = Path.of("target", "PitrKillNineTest");

    @TempDir
    Path dataDir;

    @Test
    void restoresAcrossAKillNineEqualTheModel() throws Exception {
        List<PitrWorkload.Moment> moments = new ArrayList<>();
        PitrWorkload workload;
        try (LauncherProcess launcher = LauncherProcess.start(dataDir, "SYNC", LOGS.resolve("first.log"));
             DynamoDbClient client = Clients.dynamoDb(launcher.endpoint())) {
            PitrEndToEndTest.createTable(client, "Ledger");
            client.updateContinuousBackups(r -> r.tableName("Ledger")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
            workload = new PitrWorkload(client, "Ledger", 4, 150);
            moments.addAll(workload.run(2_000, 2, 9));
            // a point-in-time restore answered just before the kill: it completes after the restart
            client.restoreTableToPointInTime(r -> r.sourceTableName("Ledger").targetTableName("LedgerCutShort")
                    .restoreDateTime(moments.get(0).time()));
            launcher.kill();
        }
        try (LauncherProcess launcher = LauncherProcess.start(dataDir, "SYNC", LOGS.resolve("second.log"));
             DynamoDbClient client = Clients.dynamoDb(launcher.endpoint())) {
            workload.client(client);
            PitrEndToEndTest.awaitActive(client, "LedgerCutShort");
            PitrWorkload.assertEquals(client, "LedgerCutShort", moments.get(0).items());
            moments.addAll(workload.run(1_000, 1, 10));
            PitrEndToEndTest.awaitLatestPast(client, "Ledger", moments.get(moments.size() - 1).time());
            for (int i = 0; i < moments.size(); i++) {
                PitrWorkload.Moment moment = moments.get(i);
                String target = "LedgerAt" + i;
                client.restoreTableToPointInTime(r -> r.sourceTableName("Ledger").targetTableName(target)
                        .restoreDateTime(moment.time()));
                PitrEndToEndTest.awaitActive(client, target);
                PitrWorkload.assertEquals(client, target, moment.items());
            }
            client.restoreTableToPointInTime(r -> r.sourceTableName("Ledger").targetTableName("LedgerLatest")
                    .useLatestRestorableTime(true));
            PitrEndToEndTest.awaitActive(client, "LedgerLatest");
            PitrWorkload.assertEquals(client, "LedgerLatest", workload.model());
        }
    }
}
