package dev.ddb.stream.operation;

import org.springframework.stereotype.Component;

import dev.ddb.common.protocol.RequestContext;
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

    /** A stream of another region than the request's is not found there, as in DynamoDB. */
    Stream find(RequestContext context, String streamArn) {
        StreamArn arn = StreamArn.parse(streamArn).orElseThrow(StreamsErrors::invalidStreamArn);
        if (!arn.region().equals(context.region())) {
            throw StreamsErrors.streamNotFound(streamArn);
        }
        return registry.find(streamArn).orElseThrow(() -> StreamsErrors.streamNotFound(streamArn));
    }
}
