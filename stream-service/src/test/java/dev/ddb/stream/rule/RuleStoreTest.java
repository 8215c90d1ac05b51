package dev.ddb.stream.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.stream.registry.StreamRegistry;

class RuleStoreTest {

    @TempDir
    Path dir;

    private final MasterKey key = MasterKey.generate();

    @Test
    void rulesAndTheirTargetsSurviveAReopenedStore() {
        Rule rule = new Rule("us-east-1", "high-value-orders", "{\"detail\": {\"newImage\": {\"total\": [{\"numeric\": [\">\", 100]}]}}}",
                Rule.ENABLED, "orders over 100", 1000, 2000,
                List.of(new RuleTarget("topic", "kafka://high-value-orders", null, null, 185, 86400),
                        new RuleTarget("fn", "http://localhost:9000/", null, "$.detail.newImage", 3, 120)));
        try (StreamRegistry registry = new StreamRegistry(dir, key)) {
            RuleStore store = new RuleStore(registry);
            store.save(rule);
            store.save(new Rule("eu-west-1", "other", "{\"source\": [\"aws.dynamodb\"]}", Rule.DISABLED, null, 1, 1, List.of()));
        }
        try (StreamRegistry registry = new StreamRegistry(dir, key)) {
            RuleStore store = new RuleStore(registry);
            assertThat(store.find("us-east-1", "high-value-orders")).contains(rule);
            assertThat(store.find("eu-west-1", "high-value-orders")).isEmpty();
            assertThat(store.inRegion("eu-west-1")).extracting(Rule::name).containsExactly("other");
            store.delete(rule);
            assertThat(store.all()).extracting(Rule::name).containsExactly("other");
        }
    }

    @Test
    void enablingStartsANewPeriodAndDisablingKeepsTheOld() {
        Rule rule = new Rule("us-east-1", "r", "{}", Rule.ENABLED, null, 1000, 1000, List.of());
        Rule disabled = rule.withState(Rule.DISABLED, 5000);
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.enabledMillis()).isEqualTo(1000);
        Rule enabled = disabled.withState(Rule.ENABLED, 9000);
        assertThat(enabled.enabledMillis()).isEqualTo(9000);
        assertThat(enabled.withState(Rule.ENABLED, 12000).enabledMillis()).isEqualTo(9000);
        assertThat(enabled.consumerGroup()).isEqualTo("ddb-rule-us-east-1-r");
        assertThat(enabled.arn("000000000000")).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/r");
    }
}
