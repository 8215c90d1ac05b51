package dev.ddb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The raw client against a real DynamoDB-compatible server: dynalite in memory, the benchmark's own
 * peer, which validates requests as DynamoDB does (shapes, types, expressions). Runs where dynalite is
 * installed (on the PATH, or in target/peers, where the benchmark's first run with peers puts it); skipped
 * elsewhere rather than installing it from npm during a build.
 */
class RawClientDynaliteTest {

    private static final Path PEER_CACHE = Path.of("target/peers");
    private static final int ITEMS = 200;

    private static PeerServer dynalite;
    private static DynamoDbAsyncClient sdk;
    private static RawHttpLoad raw;
    private static final Dataset DATA = new Dataset(ITEMS);

    @BeforeAll
    static void startDynalite() throws Exception {
        assumeTrue(PeerServer.onPath("node").isPresent()
                        && (PeerServer.onPath("dynalite").isPresent() || Files.isExecutable(PEER_CACHE.resolve("node_modules/.bin/dynalite"))),
                "dynalite is not installed here (node, and dynalite on the PATH or in " + PEER_CACHE.toAbsolutePath() + ")");
        dynalite = PeerServer.start(PeerServer.Peer.DYNALITE_MEMORY, PEER_CACHE, Path.of("target/test-logs"), System.out::println);
        URI endpoint = dynalite.endpoint();
        sdk = DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(BenchMain.ACCESS_KEY, BenchMain.SECRET_KEY)))
                .build();
        BenchTables.recreate(sdk, Dataset.kvTable());
        BenchTables.recreate(sdk, Dataset.gsiTable(ProjectionType.ALL));
        BenchTables.recreate(sdk, Dataset.queryTable());
        BenchTables.load(sdk, Dataset.KV_TABLE, ITEMS, i -> DATA.kvItem(i, ThreadLocalRandom.current()), 4, s -> { });
        BenchTables.load(sdk, Dataset.GSI_TABLE, ITEMS, i -> DATA.gsiItem(i, ThreadLocalRandom.current()), 4, s -> { });
        BenchTables.load(sdk, Dataset.QUERY_TABLE, ITEMS, i -> DATA.queryItem(i, ThreadLocalRandom.current()), 4, s -> { });
        raw = new RawHttpLoad(endpoint, BenchMain.ACCESS_KEY, BenchMain.SECRET_KEY);
    }

    @AfterAll
    static void stop() {
        if (sdk != null) {
            sdk.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Test
    void aRawPutItemIsWhatTheSdkReadsAndARawGetItemReadsWhatTheSdkPut() throws Exception {
        Map<String, AttributeValue> written = DATA.kvItem(7, new Random(1));
        HttpResponseParser.Response put = raw.call(RawRequests.putItem(Dataset.KV_TABLE, written));
        assertEquals(200, put.status(), new String(put.body(), StandardCharsets.UTF_8));
        assertEquals(written, sdk.getItem(r -> r.tableName(Dataset.KV_TABLE).key(DATA.kvKey(7))).join().item());

        Map<String, AttributeValue> other = DATA.kvItem(8, new Random(2));
        sdk.putItem(r -> r.tableName(Dataset.KV_TABLE).item(other)).join();
        HttpResponseParser.Response get = raw.call(RawRequests.getItem(DATA, 8));
        String body = new String(get.body(), StandardCharsets.UTF_8);
        assertEquals(200, get.status(), body);
        assertTrue(body.contains("\"d\":{\"S\":\"" + other.get("d").s() + "\"}"), body);
        assertTrue(body.contains("\"f\":{\"S\":\"" + other.get("f").s() + "\"}"), body);
    }

    @Test
    void everyWorkloadThatDynaliteHasRunsWithoutErrors() throws Exception {
        // dynalite 4 has no transactions: it answers TransactWriteItems with UnknownOperationException
        for (Workload workload : EnumSet.complementOf(EnumSet.of(Workload.TRANSACT_WRITE))) {
            ClosedLoopRunner.Run run = raw.run(DATA, workload, 4, Duration.ofMillis(300));

            assertEquals(0, run.failed(), workload + ": " + run.firstError());
            assertTrue(run.succeeded() > 0, workload + " answered nothing");
        }
    }

    @Test
    void dynalitesRejectionsAreKeptAsTheFirstError() throws Exception {
        ClosedLoopRunner.Run run = raw.run(DATA, Workload.TRANSACT_WRITE, 2, Duration.ofMillis(100));

        assertEquals(0, run.succeeded());
        assertTrue(run.firstError().startsWith("HTTP 400: ") && run.firstError().contains("UnknownOperationException"), run.firstError());
    }
}
