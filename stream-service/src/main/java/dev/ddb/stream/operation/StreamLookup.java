package dev.ddb.stream.operation;

import org.springframework.stereotype.Component;

import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamArn;
import dev.ddb.stream.registry.StreamRegistry;

/** The stream a request's StreamArn names, or DynamoDB's error for a malformed or unknown ARN. */
@Component
class StreamLookup {

    private final StreamRegistry registry;

    StreamLookup(StreamRegistry registry) {
        this.registry = registry;
    }

    Stream find(String streamArn) {
        if (StreamArn.parse(streamArn).isEmpty()) {
            throw StreamsErrors.invalidStreamArn();
        }
        return registry.find(streamArn).orElseThrow(() -> StreamsErrors.streamNotFound(streamArn));
    }
}
