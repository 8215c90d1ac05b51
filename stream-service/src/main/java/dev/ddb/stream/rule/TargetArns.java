package dev.ddb.stream.rule;

import java.net.URI;
import java.util.regex.Pattern;

import dev.ddb.stream.trigger.FailureDestinations;
import dev.ddb.stream.trigger.Functions;
import dev.ddb.stream.trigger.LambdaException;

/**
 * Where a target's {@code Arn} sends events. Three forms:
 * <ul>
 * <li>a Kafka topic: {@code kafka://<topic>} or an MSK-style ARN whose last part is the topic,
 *     {@code arn:aws:kafka:<region>:<account>:topic/<cluster>/<topic>}; each event is one record, keyed by
 *     the item's partition key (the key of the stream topic's record);</li>
 * <li>a function registered in {@code DDB_FUNCTIONS}, by its Lambda ARN
 *     {@code arn:aws:lambda:<region>:<account>:function:<name>}: an HTTP POST of the event to its URL;</li>
 * <li>an HTTP endpoint, {@code http://...} or {@code https://...} (a local extension: EventBridge would
 *     name an API destination): an HTTP POST of the event.</li>
 * </ul>
 */
public final class TargetArns {

    private static final Pattern LAMBDA = Pattern.compile("arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9_-]{1,64}");

    /** A resolved destination. */
    public sealed interface Destination {
    }

    public record Topic(String name) implements Destination {
    }

    public record Url(URI uri) implements Destination {
    }

    private TargetArns() {
    }

    /** @throws EventsException ValidationException for an Arn of no supported form, or a function not registered */
    public static Destination resolve(String arn, String region, Functions functions) {
        if (arn.startsWith("kafka://") || arn.startsWith("arn:aws:kafka:")) {
            return FailureDestinations.topicOf(arn).<Destination>map(Topic::new).orElseThrow(() -> notValid(arn));
        }
        if (arn.startsWith("http://") || arn.startsWith("https://")) {
            try {
                URI uri = URI.create(arn);
                if (uri.getHost() == null) {
                    throw notValid(arn);
                }
                return new Url(uri);
            } catch (IllegalArgumentException e) {
                throw notValid(arn);
            }
        }
        if (LAMBDA.matcher(arn).matches()) {
            try {
                return new Url(functions.resolve(region, arn).url());
            } catch (LambdaException e) {
                throw EventsException.validation("Parameter " + arn + " is not valid. Reason: " + e.getMessage()
                        + " (functions are registered in DDB_FUNCTIONS).");
            }
        }
        throw notValid(arn);
    }

    private static EventsException notValid(String arn) {
        return EventsException.validation("Parameter " + arn + " is not valid. Reason: Provided Arn is not in correct format.");
    }
}
