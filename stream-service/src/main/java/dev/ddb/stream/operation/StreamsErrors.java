package dev.ddb.stream.operation;

import dev.ddb.common.error.DynamoDbException;

/** The errors of the DynamoDB Streams API, with DynamoDB's types and messages. */
final class StreamsErrors {

    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

    private StreamsErrors() {
    }

    static DynamoDbException invalidStreamArn() {
        return DynamoDbException.validation("Invalid StreamArn");
    }

    static DynamoDbException streamNotFound(String streamArn) {
        return DynamoDbException.resourceNotFound("Requested resource not found: Stream: " + streamArn + " not found");
    }

    static DynamoDbException shardNotFound() {
        return DynamoDbException.resourceNotFound("Requested resource not found: Shard does not exist");
    }

    static DynamoDbException invalidShardIterator() {
        return DynamoDbException.validation("Invalid ShardIterator");
    }

    static DynamoDbException expiredIterator() {
        return new DynamoDbException(DYNAMODB + "ExpiredIteratorException",
                "The provided iterator exceeds the maximum age allowed.", 400);
    }

    static DynamoDbException trimmed() {
        return new DynamoDbException(DYNAMODB + "TrimmedDataAccessException",
                "The operation attempted to read past the oldest stream record in a shard.", 400);
    }
}
