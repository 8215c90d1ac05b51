package dev.ddb.item.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.item.index.IndexContents.IndexDefinition;
import dev.ddb.item.support.RunningItemService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * 8 writers race over a few hundred items of a table with two global indexes and a local one:
 * puts, updates that change or remove index keys, deletes, some of them conditional. Afterwards
 * every index must equal the index recomputed from the table. Seeded, so a failure replays.
 */
class IndexConsistencyTest {

    private static final int WRITERS = 8;
    private static final int OPERATIONS = 10_000;
    private static final String[] GENRES = {"Rock", "Pop", "Jazz", null};
    private static final String[] ALBUMS = {"A", "B", "C", "D", null};

    @TempDir
    static Path dataDir;

    private static RunningItemService service;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        // Durability is not what this test is about: ASYNC keeps 10,000 writes fast.
        service = RunningItemService.start(dataDir, "ASYNC");
        client = service.client();
        service.provision(MusicTable.description("Racing", true));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyIndexEqualsTheIndexRecomputedFromTheTable() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            long seed = 42 + w;
            done.add(writers.submit(() -> write(new Random(seed), OPERATIONS / WRITERS)));
        }
        for (Future<?> future : done) {
            future.get();
        }
        writers.shutdown();

        for (IndexDefinition index : List.of(IndexContents.BY_YEAR, IndexContents.BY_GENRE, IndexContents.BY_ALBUM)) {
            List<Map<String, AttributeValue>> expected = IndexContents.expected(client, "Racing", index);
            assertThat(IndexContents.actual(client, "Racing", index)).as(index.name()).containsExactlyElementsOf(expected);
            assertThat(expected).as(index.name()).isNotEmpty();
        }
    }

    private static void write(Random random, int operations) {
        for (int i = 0; i < operations; i++) {
            String artist = "Artist" + random.nextInt(8);
            String song = "Song" + random.nextInt(40);
            Map<String, AttributeValue> key = MusicTable.key(artist, song);
            int kind = random.nextInt(10);
            try {
                if (kind < 4) {
                    String genre = GENRES[random.nextInt(GENRES.length)];
                    Integer year = random.nextInt(5) == 0 ? null : 1990 + random.nextInt(6);
                    String album = ALBUMS[random.nextInt(ALBUMS.length)];
                    client.putItem(r -> r.tableName("Racing").item(MusicTable.song(artist, song, genre, year, album)));
                } else if (kind < 6) {
                    String genre = GENRES[random.nextInt(GENRES.length - 1)];
                    client.updateItem(r -> r.tableName("Racing").key(key)
                            .updateExpression("SET Genre = :g, #y = :y ADD Plays :one").expressionAttributeNames(Map.of("#y", "Year"))
                            .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(genre),
                                    ":y", AttributeValue.fromN(Integer.toString(1990 + random.nextInt(6))), ":one", AttributeValue.fromN("1"))));
                } else if (kind < 7) {
                    client.updateItem(r -> r.tableName("Racing").key(key).updateExpression("REMOVE Genre, Album"));
                } else if (kind < 8) {
                    String album = ALBUMS[random.nextInt(ALBUMS.length - 1)];
                    client.updateItem(r -> r.tableName("Racing").key(key).conditionExpression("attribute_exists(Song)")
                            .updateExpression("SET Album = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS(album))));
                } else {
                    client.deleteItem(r -> r.tableName("Racing").key(key));
                }
            } catch (ConditionalCheckFailedException expected) {
                // the item was not there: nothing written, nothing to index
            }
        }
    }
}
