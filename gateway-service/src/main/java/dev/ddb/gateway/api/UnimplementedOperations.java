package dev.ddb.gateway.api;

import java.util.Arrays;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.gateway.downstream.DownstreamResponse;

/**
 * A service answers an operation it owns but does not implement yet as it answers a typo: a bare
 * UnknownOperationException. The client should learn the operation exists but is not implemented here.
 */
final class UnimplementedOperations {

    private static final byte[] BARE_UNKNOWN_OPERATION = AwsJsonProtocol.errorBody(DynamoDbException.unknownOperation());

    private UnimplementedOperations() {
    }

    /** Whether the owning service said it does not know the operation the gateway routed to it. */
    static boolean isUnknownTo(DownstreamResponse answer) {
        return answer.status() == 400 && Arrays.equals(answer.body(), BARE_UNKNOWN_OPERATION);
    }
}
