package dev.ddb.standalone.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LauncherProcess;
import dev.ddb.standalone.streams.StreamApiReader;
import dev.ddb.standalone.transactions.Bank.Account;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Issue 12's bank: 8 threads move random amounts between 100 accounts in two tables with
 * conditional TransactWriteItems (a balance never goes below 0) while 4 threads read all 100
 * balances with one TransactGetItems each. Every snapshot sums to the same total and has no
 * negative balance. The stack (its own process, SYNC durability) is killed with SIGKILL under
 * them and started again on the same data: the total still holds, a transaction's
 * ClientRequestToken from before the kill is still known, and after a second round of transfers
 * each table's stream has exactly one record per committed change: per account, the records
 * chain (each one's old image is the previous one's new image) from the INSERT to the balance
 * the table has, and their number is two per committed transfer.
 *
 * <p>{@code -Dddb.bank.seconds=6,4} sets the seconds of transfers before the kill and after the restart.
 */
class BankTransferKillNineTest {

    private static final int WRITERS = 8;
    private static final int READERS = 4;
    private static final String[] SECONDS = System.getProperty("ddb.bank.seconds", "6,4").split(",");
    private static final Path LOGS = Path.of("target", "BankTransferKillNineTest");

    @TempDir
    Path dataDir;

    /** What the transfer and reader threads saw in one round. */
    private static final class Round {
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();
        final AtomicInteger inFlightAtKill = new AtomicInteger();
        final AtomicInteger snapshots = new AtomicInteger();
        final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    }

    @Test
    void transfersKeepTheTotalInEverySnapshotThroughKillNineAndEachChangeIsStreamedOnce() throws Exception {
        long started = System.nanoTime();
        String token = UUID.randomUUID().toString();
        TransactWriteItemsRequest tokened = Bank.transfer(new Account("AccountsA", "acct-0"), new Account("AccountsB", "acct-0"), 1, token);
        int committed = 0;
        int inFlight;

        try (LauncherProcess first = LauncherProcess.start(dataDir, "SYNC", LOGS.resolve("launch-1.log"));
             DynamoDbClient client = Clients.dynamoDb(first.endpoint())) {
            log("stack up in %d ms", millisSince(started));
            Bank.open(client);
            client.transactWriteItems(tokened);
            committed++;

            Round round = run(first.endpoint(), Long.parseLong(SECONDS[0].trim()), first);
            committed += round.committed.get();
            inFlight = round.inFlightAtKill.get();
            log("before the kill: %d transfers committed, %d cancelled, %d in flight at the kill; %d snapshots read",
                    round.committed.get(), round.cancelled.get(), inFlight, round.snapshots.get());
            assertRound(round);
        }

        try (LauncherProcess second = LauncherProcess.start(dataDir, "SYNC", LOGS.resolve("launch-2.log"));
             DynamoDbClient client = Clients.dynamoDb(second.endpoint())) {
            List<Long> restarted = Bank.balances(client);
            assertThat(restarted.stream().mapToLong(Long::longValue).sum()).as("total after the restart").isEqualTo(Bank.TOTAL);
            assertThat(restarted).allMatch(balance -> balance >= 0);

            // The token of a transaction from before the kill: a retry is answered without a second transfer.
            client.transactWriteItems(tokened);
            assertThat(Bank.balances(client)).isEqualTo(restarted);
            assertThatThrownBy(() -> client.transactWriteItems(Bank.transfer(new Account("AccountsA", "acct-1"),
                    new Account("AccountsB", "acct-1"), 1, token))).isInstanceOf(IdempotentParameterMismatchException.class);

            Round round = run(second.endpoint(), Long.parseLong(SECONDS[1].trim()), null);
            committed += round.committed.get();
            log("after the restart: %d transfers committed, %d cancelled; %d snapshots read",
                    round.committed.get(), round.cancelled.get(), round.snapshots.get());
            assertRound(round);
            assertThat(Bank.scannedTotal(client)).as("total by Scan").isEqualTo(Bank.TOTAL);

            int modifications = assertStreamsChain(second.endpoint(), client, committed);
            assertThat(modifications).as("MODIFY records: two per committed transfer (%d, plus up to %d in flight at the kill)",
                    committed, inFlight).isBetween(2 * committed, 2 * (committed + inFlight));
            log("streams: %d MODIFY records for %d committed transfers (%d in flight at the kill); %d ms in all",
                    modifications, committed, inFlight, millisSince(started));
        }
    }

    /** Transfers and snapshot reads for the given seconds; with a launcher, it is killed with SIGKILL at the end. */
    private static Round run(String endpoint, long seconds, LauncherProcess killAtEnd) throws Exception {
        Round round = new Round();
        AtomicBoolean stop = new AtomicBoolean();
        List<Account> accounts = Bank.accounts();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        List<Future<?>> running = new ArrayList<>();
        try (DynamoDbClient client = LauncherProcess.clientWithoutRetries(endpoint)) {
            for (int w = 0; w < WRITERS; w++) {
                Random random = new Random(12_000 + w);
                running.add(pool.submit(() -> {
                    while (!stop.get()) {
                        Account from = accounts.get(random.nextInt(accounts.size()));
                        Account to = accounts.get(random.nextInt(accounts.size()));
                        if (from.equals(to)) {
                            continue;
                        }
                        try {
                            client.transactWriteItems(Bank.transfer(from, to, 1 + random.nextInt(300), UUID.randomUUID().toString()));
                            round.committed.incrementAndGet();
                        } catch (TransactionCanceledException insufficient) {
                            round.cancelled.incrementAndGet();
                        } catch (RuntimeException e) {
                            if (stop.get() && killAtEnd != null) {
                                round.inFlightAtKill.incrementAndGet(); // the kill: it may or may not have committed
                            } else {
                                round.failures.add(e);
                            }
                            return;
                        }
                    }
                }));
            }
            for (int r = 0; r < READERS; r++) {
                running.add(pool.submit(() -> {
                    while (!stop.get()) {
                        List<Long> balances;
                        try {
                            balances = Bank.balances(client);
                        } catch (RuntimeException e) {
                            if (!(stop.get() && killAtEnd != null)) {
                                round.failures.add(e);
                            }
                            return;
                        }
                        long total = balances.stream().mapToLong(Long::longValue).sum();
                        if (total != Bank.TOTAL || balances.stream().anyMatch(balance -> balance < 0)) {
                            round.violations.add("snapshot total " + total + ": " + balances);
                        }
                        round.snapshots.incrementAndGet();
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline && running.stream().noneMatch(Future::isDone)) {
                Thread.sleep(10);
            }
            stop.set(true);
            if (killAtEnd != null) {
                killAtEnd.kill();
            }
            for (Future<?> future : running) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return round;
    }

    private static void assertRound(Round round) {
        round.failures.forEach(failure -> {
            throw new AssertionError("a transfer or reader thread failed", failure);
        });
        assertThat(round.violations).as("snapshots with another total or a negative balance").isEmpty();
        assertThat(round.committed.get()).as("committed transfers").isPositive();
        assertThat(round.snapshots.get()).as("snapshots read").isPositive();
    }

    /**
     * Reads both streams whole and checks, per account, that the records chain from its INSERT to
     * its balance now with no gap and no repeat. Returns the number of MODIFY records.
     */
    private static int assertStreamsChain(String endpoint, DynamoDbClient client, int committed) {
        Map<Account, Long> balances = new LinkedHashMap<>();
        List<Long> now = Bank.balances(client);
        List<Account> accounts = Bank.accounts();
        for (int i = 0; i < accounts.size(); i++) {
            balances.put(accounts.get(i), now.get(i));
        }
        int modifications = 0;
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            StreamApiReader reader = new StreamApiReader(streams);
            for (String table : Bank.TABLES) {
                String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
                // at least the inserts and, on average, one leg of each transfer per table
                Map<String, List<Record>> shards = reader.readAll(arn, Bank.ACCOUNTS_PER_TABLE + committed / 2, Duration.ofSeconds(60));
                Map<String, List<Record>> byAccount = new LinkedHashMap<>();
                shards.values().forEach(records -> records.forEach(record ->
                        byAccount.computeIfAbsent(record.dynamodb().keys().get("id").s(), id -> new ArrayList<>()).add(record)));
                assertThat(byAccount).as("accounts with records in %s", table).hasSize(Bank.ACCOUNTS_PER_TABLE);
                for (Map.Entry<String, List<Record>> entry : byAccount.entrySet()) {
                    List<Record> records = entry.getValue();
                    String where = table + "/" + entry.getKey();
                    assertThat(records.get(0).eventName()).as(where + " first record").isEqualTo(OperationType.INSERT);
                    long balance = balanceOf(records.get(0).dynamodb().newImage());
                    assertThat(balance).as(where + " inserted balance").isEqualTo(Bank.INITIAL_BALANCE);
                    for (Record record : records.subList(1, records.size())) {
                        assertThat(record.eventName()).as(where).isEqualTo(OperationType.MODIFY);
                        assertThat(balanceOf(record.dynamodb().oldImage())).as(where + " old image of " + record.eventID())
                                .isEqualTo(balance);
                        balance = balanceOf(record.dynamodb().newImage());
                        modifications++;
                    }
                    assertThat(balance).as(where + " last new image vs the table").isEqualTo(balances.get(new Account(table, entry.getKey())));
                }
            }
        }
        return modifications;
    }

    private static long balanceOf(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
        return Long.parseLong(image.get("balance").n());
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[BankTransferKillNineTest] " + format + "%n", args);
    }
}
