package dev.ddb.stream.trigger;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An on-failure destination ({@code DestinationConfig.OnFailure.Destination}) names a Kafka topic:
 * the topic's name itself ({@code orders-failures}), {@code kafka://<topic>}, or an ARN whose last
 * part after {@code /} is the topic ({@code arn:aws:kafka:us-east-1:000000000000:topic/cluster/orders-failures}).
 * SQS, SNS and S3 destinations are not supported.
 */
public final class FailureDestinations {

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private FailureDestinations() {
    }

    /** The topic, or empty when the destination names none. */
    public static Optional<String> topicOf(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        String topic;
        if (destination.startsWith("kafka://")) {
            topic = destination.substring("kafka://".length());
        } else if (destination.startsWith("arn:")) {
            String[] parts = destination.split(":", 6);
            if (parts.length < 6 || !parts[2].equals("kafka")) {
                return Optional.empty();
            }
            topic = parts[5].substring(parts[5].lastIndexOf('/') + 1);
        } else {
            topic = destination;
        }
        return TOPIC.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..")
                ? Optional.of(topic) : Optional.empty();
    }
}
