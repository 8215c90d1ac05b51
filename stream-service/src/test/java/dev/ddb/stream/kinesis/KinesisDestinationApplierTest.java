package dev.ddb.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.table.KinesisDataStreamDestination;
import dev.ddb.common.table.TableDescription;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.support.Streams;

/** Table events turn into periods in which a destination takes a table's changes, with their precision. */
class KinesisDestinationApplierTest {

    private static final MasterKey KEY = MasterKey.generate();
    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/music-changes";
    private static final long T = 1_795_603_054_123L;

    @TempDir
    Path dataDir;

    private StreamRegistry store;
    private KinesisDestinationRegistry registry;
    private final List<String> prepared = new ArrayList<>();
    private KinesisDestinationApplier applier;

    @BeforeEach
    void start() {
        store = new StreamRegistry(dataDir, KEY);
        registry = new KinesisDestinationRegistry(store);
        applier = new KinesisDestinationApplier(registry, prepared::add, 86_400_000L);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static TableEvent updated(long millis, KinesisDataStreamDestination... destinations) {
        TableDescription table = Streams.table("Music", null, false, null).withKinesisDataStreamDestinations(List.of(destinations));
        return Streams.event(TableEvent.Type.UPDATED, "Music", "id-Music", millis, table);
    }

    private List<String> precisionsAt(long... times) {
        List<String> precisions = new ArrayList<>();
        for (long time : times) {
            List<KinesisDestinationRegistry.Route> routes = registry.routesFor("id-Music", time);
            precisions.add(routes.isEmpty() ? null : routes.get(0).precision());
        }
        return precisions;
    }

    @Test
    void changesBelongToTheDestinationWhileItIsActiveWithThePrecisionOfTheirTime() {
        applier.apply(updated(T, new KinesisDataStreamDestination(ARN, "ACTIVE", null, null)));
        applier.apply(updated(T, new KinesisDataStreamDestination(ARN, "ACTIVE", null, null))); // applied twice: no change
        applier.apply(updated(T + 10, new KinesisDataStreamDestination(ARN, "ACTIVE", null, "MICROSECOND")));
        applier.apply(updated(T + 20, new KinesisDataStreamDestination(ARN, "DISABLED", null, "MICROSECOND")));
        applier.apply(updated(T + 30, new KinesisDataStreamDestination(ARN, "ACTIVE", null, null)));

        assertThat(prepared).containsOnly("ddb.kinesis.music-changes");
        assertThat(precisionsAt(T - 1, T, T + 9, T + 10, T + 19, T + 20, T + 29, T + 30, T + 1_000_000))
                .containsExactly(null, "MILLISECOND", "MILLISECOND", "MICROSECOND", "MICROSECOND", null, null,
                        "MILLISECOND", "MILLISECOND");
        assertThat(registry.routesFor("id-Music", T).get(0).destination().topic()).isEqualTo("ddb.kinesis.music-changes");

        // A restart routes as before.
        KinesisDestinationRegistry reopened = new KinesisDestinationRegistry(store);
        assertThat(reopened.all()).isEqualTo(registry.all());
    }

    @Test
    void aDeletedTablesDestinationsStopAndFailedOnesNeverStart() {
        applier.apply(updated(T, new KinesisDataStreamDestination(ARN, "ACTIVE", null, null),
                new KinesisDataStreamDestination(ARN + "-other", "ENABLE_FAILED", "User does not have a permission to use kinesis stream", null)));
        applier.apply(Streams.event(TableEvent.Type.DELETED, "Music", "id-Music", T + 5, Streams.table("Music", null, false, null)));

        assertThat(registry.all()).singleElement().satisfies(destination -> assertThat(destination.streamArn()).isEqualTo(ARN));
        assertThat(precisionsAt(T + 4, T + 5)).containsExactly("MILLISECOND", null);
    }
}
