package dev.ddb.stream.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.stream.trigger.Functions;

class TargetArnsTest {

    private static final Functions FUNCTIONS = new Functions(Map.of("orders-handler", URI.create("http://localhost:9000/invoke")),
            "000000000000");

    @Test
    void kafkaTopicsAreNamedByUrlOrMskStyleArn() {
        assertThat(TargetArns.resolve("kafka://high-value-orders", "us-east-1", FUNCTIONS))
                .isEqualTo(new TargetArns.Topic("high-value-orders"));
        assertThat(TargetArns.resolve("arn:aws:kafka:us-east-1:000000000000:topic/local/high-value-orders", "us-east-1", FUNCTIONS))
                .isEqualTo(new TargetArns.Topic("high-value-orders"));
    }

    @Test
    void functionsAreRegisteredOnesAndUrlsAreTakenAsThey() {
        assertThat(TargetArns.resolve("arn:aws:lambda:us-east-1:000000000000:function:orders-handler", "us-east-1", FUNCTIONS))
                .isEqualTo(new TargetArns.Url(URI.create("http://localhost:9000/invoke")));
        assertThat(TargetArns.resolve("http://127.0.0.1:8080/hook", "us-east-1", FUNCTIONS))
                .isEqualTo(new TargetArns.Url(URI.create("http://127.0.0.1:8080/hook")));
        assertThatThrownBy(() -> TargetArns.resolve("arn:aws:lambda:us-east-1:000000000000:function:unknown", "us-east-1", FUNCTIONS))
                .isInstanceOfSatisfying(EventsException.class, e -> assertThat(e.type()).isEqualTo("ValidationException"))
                .hasMessageContaining("Function not found");
    }

    @Test
    void otherArnsAreRefused() {
        for (String arn : new String[] {"arn:aws:sqs:us-east-1:000000000000:queue", "kafka://", "kafka://a/b", "orders", "http://"}) {
            assertThatThrownBy(() -> TargetArns.resolve(arn, "us-east-1", FUNCTIONS))
                    .isInstanceOf(EventsException.class)
                    .hasMessage("Parameter " + arn + " is not valid. Reason: Provided Arn is not in correct format.");
        }
    }
}
