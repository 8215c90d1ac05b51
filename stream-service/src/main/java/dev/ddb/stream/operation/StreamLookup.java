package dev.ddb.stream.operation;

import org.springframework.stereotype.Component;

import dev.ddb.common.protocol.RequestContext;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamArn;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableChangesSeen;

/**
 * The stream a request's StreamArn names, or DynamoDB's error for a malformed or unknown ARN. The
 * registry is brought up to the latest table change first, so a stream enabled or disabled a
 * moment ago is seen as such.
 */
@Component
class StreamLookup {

    private final StreamRegistry registry;
    private final TableChangesSeen tableChanges;

    StreamLookup(StreamRegistry registry, TableChangesSeen tableChanges) {
        this.registry = registry;
        this.tableChanges = tableChanges;
    }

    /** A stream of another region than the request's is not found there, as in DynamoDB. */
    Stream find(RequestContext context, String streamArn) {
        StreamArn arn = StreamArn.parse(streamArn).orElseThrow(StreamsErrors::invalidStreamArn);
        if (!arn.region().equals(context.region())) {
            throw StreamsErrors.streamNotFound(streamArn);
        }
        tableChanges.await();
        return registry.find(streamArn).orElseThrow(() -> StreamsErrors.streamNotFound(streamArn));
    }
}
