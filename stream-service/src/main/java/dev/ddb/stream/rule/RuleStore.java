package dev.ddb.stream.rule;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.h2.mvstore.MVMap;
import org.springframework.stereotype.Component;

import dev.ddb.stream.registry.StreamRegistry;

/**
 * The rules, durably: a map {@code event-rules} in stream-service's store ({@code streams.mv.db}, beside
 * the stream registry and the event source mappings), keyed by region and name, committed and synced on every change.
 */
@Component
public class RuleStore {

    private final StreamRegistry registry;
    private final MVMap<String, byte[]> rules;

    public RuleStore(StreamRegistry registry) {
        this.registry = registry;
        this.rules = registry.openMap("event-rules");
    }

    public Optional<Rule> find(String region, String name) {
        byte[] stored = rules.get(key(region, name));
        return stored == null ? Optional.empty() : Optional.of(Rule.fromStored(stored));
    }

    /** Every region's rules, by region and name. */
    public List<Rule> all() {
        return rules.values().stream().map(Rule::fromStored)
                .sorted(Comparator.comparing(Rule::region).thenComparing(Rule::name))
                .toList();
    }

    public List<Rule> inRegion(String region) {
        return all().stream().filter(rule -> rule.region().equals(region)).toList();
    }

    public void save(Rule rule) {
        rules.put(key(rule.region(), rule.name()), rule.toStored());
        registry.commitSynced();
    }

    public void delete(Rule rule) {
        rules.remove(key(rule.region(), rule.name()));
        registry.commitSynced();
    }

    private static String key(String region, String name) {
        return region + "/" + name;
    }
}
