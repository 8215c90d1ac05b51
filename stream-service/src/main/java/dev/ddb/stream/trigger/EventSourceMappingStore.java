package dev.ddb.stream.trigger;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.h2.mvstore.MVMap;
import org.springframework.stereotype.Component;

import dev.ddb.stream.registry.StreamRegistry;

/**
 * The mappings, durably: a map {@code event-source-mappings} in stream-service's store
 * ({@code streams.mv.db}, beside the stream registry), committed and synced on every change.
 */
@Component
public class EventSourceMappingStore {

    private final StreamRegistry registry;
    private final MVMap<String, byte[]> mappings;

    public EventSourceMappingStore(StreamRegistry registry) {
        this.registry = registry;
        this.mappings = registry.openMap("event-source-mappings");
    }

    public Optional<EventSourceMapping> find(String uuid) {
        byte[] stored = mappings.get(uuid);
        return stored == null ? Optional.empty() : Optional.of(EventSourceMapping.fromStored(stored));
    }

    /** In the order they were created. */
    public List<EventSourceMapping> all() {
        return mappings.values().stream().map(EventSourceMapping::fromStored)
                .sorted(Comparator.comparingLong(EventSourceMapping::createdMillis).thenComparing(EventSourceMapping::uuid))
                .toList();
    }

    public void save(EventSourceMapping mapping) {
        mappings.put(mapping.uuid(), mapping.toStored());
        registry.commitSynced();
    }

    public void delete(String uuid) {
        mappings.remove(uuid);
        registry.commitSynced();
    }
}
