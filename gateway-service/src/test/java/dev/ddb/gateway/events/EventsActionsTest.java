package dev.ddb.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EventsActionsTest {

    private static EventsActions.Check check(String operation, String body) {
        return EventsActions.of(operation, body.getBytes(StandardCharsets.UTF_8), "eu-west-1", "123456789012");
    }

    @Test
    void ruleOperationsAreCheckedOnTheRulesArn() {
        assertThat(check("PutRule", "{\"Name\": \"orders\", \"EventPattern\": \"{}\"}"))
                .isEqualTo(new EventsActions.Check("events:PutRule", "arn:aws:events:eu-west-1:123456789012:rule/orders"));
        assertThat(check("PutTargets", "{\"Rule\": \"orders\", \"Targets\": []}"))
                .isEqualTo(new EventsActions.Check("events:PutTargets", "arn:aws:events:eu-west-1:123456789012:rule/orders"));
    }

    @Test
    void listingIsOnEveryRuleAndTestingOnNothing() {
        assertThat(check("ListRules", "{}").resource()).isEqualTo("arn:aws:events:eu-west-1:123456789012:rule/*");
        assertThat(check("TestEventPattern", "{\"EventPattern\": \"{}\"}").resource()).isEqualTo("*");
        assertThat(check("DescribeRule", "not json").resource()).isEqualTo("arn:aws:events:eu-west-1:123456789012:rule/*");
    }
}
