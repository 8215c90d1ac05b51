package dev.ddb.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.clients.ItemServiceClient;
import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.backup.pitr.PointInTimeItems;
import dev.ddb.backup.storage.Backup;
import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.backup.storage.BackupFiles;
import dev.ddb.backup.storage.BackupStatus;
import dev.ddb.backup.storage.RestoreJob;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.table.TableDescriptionJson;

/**
 * How a restore ends when item-service refuses its items or is away for a while. table-service and
 * item-service are stood in for by one local HTTP server answering their internal API, which records
 * every call; the catalog and the backup's file are the real ones.
 */
class RestoreRunnerTest {

    private static final MasterKey KEY = MasterKey.generate();
    private static final String BACKUP_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/Source/backup/01700000000000-0000abcd";
    private static final String TABLE = """
            {"TableName":"Restored","TableId":"tid-1","TableStatus":"%s",
             "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
             "RestoreSummary":{"SourceBackupArn":"%s","SourceTableArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Source",
                               "RestoreDateTime":1700000000,"RestoreInProgress":%s}}""";
    private static final String ITEMS = """
            {"Item":{"id":{"S":"a"}}}
            {"Item":{"id":{"S":"b"}}}
            {"ItemCount":2}
            """;

    @TempDir
    Path dataDir;

    private HttpServer services;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    /** What item-service answers to a chunk: the status of each call in turn, the last one from then on. */
    private volatile int[] loadStatuses;
    private final AtomicInteger loads = new AtomicInteger();
    private BackupCatalog catalog;
    private RestoreRunner runner;

    @BeforeEach
    void start() throws IOException {
        services = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        services.createContext("/", this::answer);
        services.start();
        URI url = URI.create("http://localhost:" + services.getAddress().getPort());
        BackupServiceProperties properties = new BackupServiceProperties(dataDir, url, url, "000000000000", 50,
                Duration.ofSeconds(5), 64 << 20, Duration.ofDays(1), Duration.ofMinutes(1), "");
        catalog = new BackupCatalog(dataDir, KEY);
        BackupFiles files = new BackupFiles(dataDir, KEY);
        BackupFiles.Written written = files.write("01700000000000-0000abcd",
                new ByteArrayInputStream(ITEMS.getBytes(StandardCharsets.UTF_8)));
        catalog.put(new Backup(BACKUP_ARN, "01700000000000-0000abcd", "b", "Source", BackupStatus.AVAILABLE,
                Instant.ofEpochSecond(1_700_000_000),
                TableDescriptionJson.fromBytes(TABLE.formatted("ACTIVE", BACKUP_ARN, false).getBytes(StandardCharsets.UTF_8)),
                written.sha256(), 2, 100));
        // a point-in-time restore is not run here: its archives are not needed
        runner = new RestoreRunner(catalog, files, new TableServiceClient(properties), new ItemServiceClient(properties),
                new PointInTimeItems(null));
    }

    @AfterEach
    void stop() throws InterruptedException {
        runner.close();
        catalog.close();
        services.stop(0);
    }

    @Test
    void aChunkItemServiceRefusesEndsTheRestoreAndItsTableGoes() {
        loadStatuses = new int[] {400};

        restore();

        assertThat(calls).contains("DELETE /internal/restored-tables/Restored?tableId=tid-1")
                .doesNotContain("POST /internal/restored-tables/Restored/finish?tableId=tid-1");
        assertThat(loads.get()).isEqualTo(1); // refused once is refused: not sent again
    }

    @Test
    void itemServiceAwayForAWhileHoldsTheRestoreUpUntilItIsBack() {
        loadStatuses = new int[] {503, 503, 200};

        restore();

        assertThat(loads.get()).isEqualTo(3);
        assertThat(calls).contains("POST /internal/restored-tables/Restored/finish?tableId=tid-1")
                .doesNotContain("DELETE /internal/restored-tables/Restored?tableId=tid-1");
    }

    /** Starts restoring the backup into table Restored and waits until the job has left the catalog. */
    private void restore() {
        RestoreJob job = new RestoreJob("Restored", BACKUP_ARN, "tid-1");
        catalog.put(job);
        runner.start(job);
        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.restores().isEmpty());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String call = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        calls.add(call);
        exchange.getRequestBody().readAllBytes();
        if (call.equals("GET /internal/tables/Restored")) {
            send(exchange, 200, TABLE.formatted("CREATING", BACKUP_ARN, true));
        } else if (call.equals("POST /internal/tables/Restored/items?tableId=tid-1")) {
            int[] statuses = loadStatuses;
            int status = statuses[Math.min(loads.getAndIncrement(), statuses.length - 1)];
            send(exchange, status, status == 200 ? "{\"Loaded\":2,\"Refused\":0}" : "{\"message\":\"no\"}");
        } else if (call.equals("POST /internal/restored-tables/Restored/finish?tableId=tid-1")) {
            send(exchange, 200, TABLE.formatted("ACTIVE", BACKUP_ARN, false));
        } else if (call.equals("DELETE /internal/restored-tables/Restored?tableId=tid-1")) {
            send(exchange, 200, "{}");
        } else {
            send(exchange, 500, "{\"message\":\"unexpected " + call + "\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
