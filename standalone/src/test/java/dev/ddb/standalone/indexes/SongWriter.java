package dev.ddb.standalone.indexes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.ddb.standalone.indexes.MusicIndexes.SongKey;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One of the racing writers: random puts, updates (setting, changing and removing index key
 * attributes, and non-key ones), deletes, conditional ones, rejected ones (an index key of the
 * wrong type) and small batches, on keys of its own. Its keys are its alone, so the state of each
 * is exactly what its last acknowledged write made it: the writer keeps that model, checks every
 * answer against it (ALL_OLD / ALL_NEW images, condition failures), and knows what the write in
 * flight, if any, would make of its keys. The items of all writers share the table's partitions
 * and every index's partitions.
 */
final class SongWriter {

    static final int ARTISTS = 8;
    static final int SONGS = 48;
    private static final String[] GENRES = {"Rock", "Pop", "Jazz"};
    private static final String[] ALBUMS = {"A", "B", "C", "D"};

    private final int id;
    private final String table;
    private final Random random;
    private final List<SongKey> keys = new ArrayList<>();
    /** The item of each key as the last acknowledged write left it (no entry: no item). */
    private final Map<SongKey, Map<String, AttributeValue>> acknowledged = new TreeMap<>();
    /** The write in flight: what it would make of each of its keys (empty: no item). */
    private Map<SongKey, Optional<Map<String, AttributeValue>>> inFlight = Map.of();
    private String inFlightKind;
    private final Map<String, Integer> counts = new TreeMap<>();
    private int operations;
    private volatile Throwable failure;

    SongWriter(int id, int writers, String table, long seed) {
        this.id = id;
        this.table = table;
        this.random = new Random(seed);
        for (int artist = 0; artist < ARTISTS; artist++) {
            for (int song = id; song < SONGS; song += writers) {
                keys.add(new SongKey("Artist" + artist, String.format("Song%02d", song)));
            }
        }
    }

    /**
     * Writes until this writer has done {@code limit} operations in all or {@code stop} says so,
     * or until a write fails while {@code killing} says the stack is being killed (that write
     * stays in flight), or until anything else goes wrong (kept as {@link #failure()}).
     */
    void run(DynamoDbClient client, int limit, BooleanSupplier stop, BooleanSupplier killing, AtomicInteger acknowledgedWrites) {
        while (operations < limit && failure == null && !stop.getAsBoolean()) {
            operations++;
            try {
                step(client);
                commit();
                acknowledgedWrites.incrementAndGet();
            } catch (SdkException e) {
                if (killing.getAsBoolean()) {
                    return; // the stack went away under this write: it may or may not have happened
                }
                failure = new AssertionError("writer " + id + ": " + inFlightKind + " on " + inFlight.keySet() + " failed", e);
            } catch (Throwable e) {
                failure = e;
            }
        }
    }

    Throwable failure() {
        return failure;
    }

    int operations() {
        return operations;
    }

    Map<String, Integer> counts() {
        return counts;
    }

    List<SongKey> keys() {
        return keys;
    }

    Map<SongKey, Map<String, AttributeValue>> acknowledged() {
        return acknowledged;
    }

    Map<SongKey, Optional<Map<String, AttributeValue>>> inFlight() {
        return inFlight;
    }

    String inFlightKind() {
        return inFlightKind;
    }

    /** After a restart: the keys of the write that was in flight are as the stack has them now (one of the two states). */
    void settle(Map<SongKey, Map<String, AttributeValue>> items) {
        for (SongKey key : inFlight.keySet()) {
            Map<String, AttributeValue> item = items.get(key);
            if (item == null) {
                acknowledged.remove(key);
            } else {
                acknowledged.put(key, item);
            }
        }
        inFlight = Map.of();
        inFlightKind = null;
    }

    private void commit() {
        inFlight.forEach((key, item) -> {
            if (item.isPresent()) {
                acknowledged.put(key, item.get());
            } else {
                acknowledged.remove(key);
            }
        });
        inFlight = Map.of();
    }

    /** The write about to be sent, and what it makes of each key if it happens. */
    private void begin(String kind, Map<SongKey, Map<String, AttributeValue>> after) {
        Map<SongKey, Optional<Map<String, AttributeValue>>> states = new LinkedHashMap<>();
        after.forEach((key, item) -> states.put(key, Optional.ofNullable(item)));
        inFlight = states;
        inFlightKind = kind;
        counts.merge(kind, 1, Integer::sum);
    }

    private void step(DynamoDbClient client) {
        SongKey key = keys.get(random.nextInt(keys.size()));
        Map<String, AttributeValue> before = acknowledged.get(key);
        int kind = random.nextInt(100);
        if (kind < 25) {
            Map<String, AttributeValue> item = randomItem(key);
            begin("put", single(key, item));
            var response = client.putItem(r -> r.tableName(table).item(item).returnValues(ReturnValue.ALL_OLD));
            expectImage("put ALL_OLD", key, before, response.attributes());
        } else if (kind < 40) {
            String genre = GENRES[random.nextInt(GENRES.length)];
            String year = Integer.toString(1990 + random.nextInt(6));
            Map<String, AttributeValue> after = orKey(key, before);
            after.put("Genre", s(genre));
            after.put("Year", n(year));
            after.put("Plays", plus(after.get("Plays"), 1));
            begin("update: SET Genre, Year ADD Plays", single(key, after));
            var response = client.updateItem(r -> r.tableName(table).key(key.toKey()).returnValues(ReturnValue.ALL_NEW)
                    .updateExpression("SET Genre = :g, #y = :y ADD Plays :one").expressionAttributeNames(Map.of("#y", "Year"))
                    .expressionAttributeValues(Map.of(":g", s(genre), ":y", n(year), ":one", n("1"))));
            expectImage("update ALL_NEW", key, after, response.attributes());
        } else if (kind < 48) {
            String note = randomNote();
            Map<String, AttributeValue> after = orKey(key, before);
            after.put("Note", s(note));
            after.put("Plays", plus(after.get("Plays"), 1));
            begin("update: SET Note, Plays (no index key)", single(key, after));
            var response = client.updateItem(r -> r.tableName(table).key(key.toKey()).returnValues(ReturnValue.ALL_NEW)
                    .updateExpression("SET Note = :n, Plays = if_not_exists(Plays, :zero) + :one")
                    .expressionAttributeValues(Map.of(":n", s(note), ":zero", n("0"), ":one", n("1"))));
            expectImage("update ALL_NEW", key, after, response.attributes());
        } else if (kind < 55) {
            Map<String, AttributeValue> after = without(before, "Genre", "Album");
            begin("update: REMOVE Genre, Album", single(key, after));
            var response = client.updateItem(r -> r.tableName(table).key(key.toKey()).returnValues(ReturnValue.ALL_NEW)
                    .updateExpression("REMOVE Genre, Album"));
            expectImage("update ALL_NEW", key, after, response.attributes());
        } else if (kind < 61) {
            Map<String, AttributeValue> after = without(before, "Year");
            begin("update: REMOVE Year", single(key, after));
            var response = client.updateItem(r -> r.tableName(table).key(key.toKey()).returnValues(ReturnValue.ALL_NEW)
                    .updateExpression("REMOVE #y").expressionAttributeNames(Map.of("#y", "Year")));
            expectImage("update ALL_NEW", key, after, response.attributes());
        } else if (kind < 69) {
            String album = ALBUMS[random.nextInt(ALBUMS.length)];
            boolean fails = before == null;
            Map<String, AttributeValue> after = fails ? null : orKey(key, before);
            if (after != null) {
                after.put("Album", s(album));
            }
            begin("update: SET Album if the item exists", single(key, after));
            conditional(fails, () -> {
                var response = client.updateItem(r -> r.tableName(table).key(key.toKey()).returnValues(ReturnValue.ALL_NEW)
                        .conditionExpression("attribute_exists(Song)").updateExpression("SET Album = :a")
                        .expressionAttributeValues(Map.of(":a", s(album))));
                expectImage("update ALL_NEW", key, after, response.attributes());
            });
        } else if (kind < 75) {
            String genre = GENRES[random.nextInt(GENRES.length)];
            boolean fails = before != null && before.containsKey("Genre");
            Map<String, AttributeValue> after = fails ? before : orKey(key, before);
            if (!fails) {
                after.put("Genre", s(genre));
            }
            begin("update: SET Genre if it has none", single(key, after));
            conditional(fails, () -> {
                var response = client.updateItem(r -> r.tableName(table).key(key.toKey()).returnValues(ReturnValue.ALL_NEW)
                        .conditionExpression("attribute_not_exists(Genre)").updateExpression("SET Genre = :g")
                        .expressionAttributeValues(Map.of(":g", s(genre))));
                expectImage("update ALL_NEW", key, after, response.attributes());
            });
        } else if (kind < 85) {
            begin("delete", single(key, null));
            var response = client.deleteItem(r -> r.tableName(table).key(key.toKey()).returnValues(ReturnValue.ALL_OLD));
            expectImage("delete ALL_OLD", key, before, response.attributes());
        } else if (kind < 90) {
            String album = ALBUMS[random.nextInt(ALBUMS.length)];
            boolean fails = before == null || !s(album).equals(before.get("Album"));
            begin("delete if Album = :a", single(key, fails ? before : null));
            conditional(fails, () -> {
                var response = client.deleteItem(r -> r.tableName(table).key(key.toKey()).returnValues(ReturnValue.ALL_OLD)
                        .conditionExpression("Album = :a").expressionAttributeValues(Map.of(":a", s(album))));
                expectImage("delete ALL_OLD", key, before, response.attributes());
            });
        } else if (kind < 92) {
            begin("rejected: an index key of the wrong type", single(key, before));
            rejected(client, key);
        } else {
            batch(client);
        }
    }

    /** A write with an index key attribute of the wrong type: rejected as a whole, nothing written. */
    private void rejected(DynamoDbClient client, SongKey key) {
        try {
            if (random.nextBoolean()) {
                client.updateItem(r -> r.tableName(table).key(key.toKey()).updateExpression("SET Album = :a, #y = :y")
                        .expressionAttributeNames(Map.of("#y", "Year"))
                        .expressionAttributeValues(Map.of(":a", s("A"), ":y", s("MCMXC"))));
            } else {
                Map<String, AttributeValue> item = randomItem(key);
                item.put("Genre", n("7"));
                client.putItem(r -> r.tableName(table).item(item));
            }
        } catch (DynamoDbException e) {
            if (e.statusCode() == 400 && "ValidationException".equals(e.awsErrorDetails().errorCode())) {
                return;
            }
            throw e;
        }
        throw new AssertionError("writer " + id + ": a write with a wrongly typed index key on " + key + " was accepted");
    }

    /** BatchWriteItem of 2 to 4 of this writer's keys, puts and deletes. */
    private void batch(DynamoDbClient client) {
        List<SongKey> chosen = new ArrayList<>(keys);
        java.util.Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, 2 + random.nextInt(3));
        Map<SongKey, Map<String, AttributeValue>> after = new LinkedHashMap<>();
        List<WriteRequest> requests = new ArrayList<>();
        for (SongKey key : chosen) {
            if (random.nextInt(3) == 0) {
                after.put(key, null);
                requests.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key.toKey()).build()).build());
            } else {
                Map<String, AttributeValue> item = randomItem(key);
                after.put(key, item);
                requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
        }
        begin("batch", after);
        BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(Map.of(table, requests)));
        // What was not processed did not happen.
        for (WriteRequest unprocessed : response.unprocessedItems().getOrDefault(table, List.of())) {
            SongKey key = SongKey.of(unprocessed.putRequest() != null ? unprocessed.putRequest().item() : unprocessed.deleteRequest().key());
            inFlight.put(key, Optional.ofNullable(acknowledged.get(key)));
        }
    }

    private void conditional(boolean fails, Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException e) {
            if (!fails) {
                throw new AssertionError("writer " + id + ": " + inFlightKind + " on " + inFlight.keySet()
                        + " failed its condition, but the item is " + acknowledged.get(inFlight.keySet().iterator().next()), e);
            }
            return;
        }
        if (fails) {
            throw new AssertionError("writer " + id + ": " + inFlightKind + " on " + inFlight.keySet()
                    + " passed its condition, but the item is " + acknowledged.get(inFlight.keySet().iterator().next()));
        }
    }

    private void expectImage(String what, SongKey key, Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
        Map<String, AttributeValue> image = actual == null || actual.isEmpty() ? null : new TreeMap<>(actual);
        Map<String, AttributeValue> wanted = expected == null ? null : new TreeMap<>(expected);
        if (!java.util.Objects.equals(wanted, image)) {
            throw new AssertionError("writer " + id + ": " + inFlightKind + " on " + key + ": " + what + " is " + image
                    + ", but the last acknowledged writes make it " + wanted);
        }
    }

    private Map<String, AttributeValue> randomItem(SongKey key) {
        Map<String, AttributeValue> item = new HashMap<>(key.toKey());
        if (random.nextInt(4) != 0) {
            item.put("Genre", s(GENRES[random.nextInt(GENRES.length)]));
        }
        if (random.nextInt(5) != 0) {
            item.put("Year", n(Integer.toString(1990 + random.nextInt(6))));
        }
        if (random.nextInt(5) != 0) {
            item.put("Album", s(ALBUMS[random.nextInt(ALBUMS.length)]));
        }
        item.put("Plays", n(Integer.toString(random.nextInt(10))));
        if (random.nextBoolean()) {
            item.put("Note", s(randomNote()));
        }
        if (random.nextInt(4) == 0) {
            item.put("Meta", AttributeValue.fromM(Map.of("writer", n(Integer.toString(id)), "tags", AttributeValue.fromSs(List.of("x", "y")))));
        }
        return item;
    }

    private String randomNote() {
        StringBuilder note = new StringBuilder();
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 60);
        for (int i = 0; i < length; i++) {
            note.append((char) ('a' + random.nextInt(26)));
        }
        return note.toString();
    }

    private static Map<SongKey, Map<String, AttributeValue>> single(SongKey key, Map<String, AttributeValue> after) {
        Map<SongKey, Map<String, AttributeValue>> map = new HashMap<>();
        map.put(key, after);
        return map;
    }

    /** A copy of the item, or the bare key when there is none (an update creates the item). */
    private static Map<String, AttributeValue> orKey(SongKey key, Map<String, AttributeValue> item) {
        return new HashMap<>(item == null ? key.toKey() : item);
    }

    /** The item without those attributes; none stays none (an update that only removes creates nothing). */
    private static Map<String, AttributeValue> without(Map<String, AttributeValue> item, String... names) {
        if (item == null) {
            return null;
        }
        Map<String, AttributeValue> copy = new HashMap<>(item);
        for (String name : names) {
            copy.remove(name);
        }
        return copy;
    }

    private static AttributeValue plus(AttributeValue number, int amount) {
        BigDecimal value = number == null ? BigDecimal.ZERO : new BigDecimal(number.n());
        return n(value.add(BigDecimal.valueOf(amount)).toPlainString());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
