package dev.ddb.stream.kinesis;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.h2.mvstore.MVMap;
import org.springframework.stereotype.Component;

import dev.ddb.stream.registry.StreamRegistry;

/**
 * The destinations stream-service publishes to, in the map {@code kinesis-destinations} of
 * {@code streams.mv.db} (committed and synced: a restart must route the changes it reads again
 * exactly as before). Read from an in-memory copy on the change-log thread.
 */
@Component
public class KinesisDestinationRegistry {

    private final StreamRegistry store;
    private final MVMap<String, byte[]> map;
    /** Keyed by table id and stream ARN. Replaced, never changed in place. */
    private volatile TreeMap<String, KinesisDestination> byKey;

    /** A change to publish to a destination, with the precision of its record. */
    public record Route(KinesisDestination destination, String precision) {
    }

    public KinesisDestinationRegistry(StreamRegistry store) {
        this.store = store;
        this.map = store.openMap("kinesis-destinations");
        TreeMap<String, KinesisDestination> loaded = new TreeMap<>();
        map.forEach((key, json) -> loaded.put(key, KinesisDestination.fromJson(json)));
        this.byKey = loaded;
    }

    /** Where a change of the table made at {@code timeMillis} is published. */
    public List<Route> routesFor(String tableId, long timeMillis) {
        List<Route> routes = new ArrayList<>(1);
        for (KinesisDestination destination : byKey.subMap(tableId + " ", tableId + "!").values()) {
            destination.precisionAt(timeMillis).ifPresent(precision -> routes.add(new Route(destination, precision)));
        }
        return routes;
    }

    public List<KinesisDestination> ofTable(String tableId) {
        return List.copyOf(byKey.subMap(tableId + " ", tableId + "!").values());
    }

    /** The destinations of the tables of that name in the region, whatever their id. */
    public List<KinesisDestination> ofTableName(String region, String tableName) {
        return byKey.values().stream()
                .filter(destination -> destination.region().equals(region) && destination.tableName().equals(tableName))
                .toList();
    }

    /** Stores the changed destinations (one without periods is forgotten), committed and synced. */
    public synchronized void saveAll(List<KinesisDestination> changed) {
        if (changed.isEmpty()) {
            return;
        }
        TreeMap<String, KinesisDestination> next = new TreeMap<>(byKey);
        for (KinesisDestination destination : changed) {
            String key = key(destination);
            if (destination.periods().isEmpty()) {
                next.remove(key);
                map.remove(key);
            } else {
                next.put(key, destination);
                map.put(key, destination.toJson());
            }
        }
        store.commitSynced();
        byKey = next;
    }

    public List<KinesisDestination> all() {
        return List.copyOf(byKey.values());
    }

    /** A table id never contains a space, so a table's destinations are one range of keys. */
    private static String key(KinesisDestination destination) {
        return destination.tableId() + " " + destination.streamArn();
    }
}
