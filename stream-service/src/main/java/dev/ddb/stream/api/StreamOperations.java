package dev.ddb.stream.api;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.stream.operation.DescribeStreamOperation;
import dev.ddb.stream.operation.GetRecordsOperation;
import dev.ddb.stream.operation.GetShardIteratorOperation;
import dev.ddb.stream.operation.ListStreamsOperation;

/** The DynamoDB Streams operations, by the name in {@code X-Amz-Target}. */
@Configuration(proxyBeanMethods = false)
class StreamOperations {

    @Bean
    OperationDispatcher streamOperationDispatcher(ListStreamsOperation listStreams, DescribeStreamOperation describeStream,
                                                  GetShardIteratorOperation getShardIterator, GetRecordsOperation getRecords) {
        return new OperationDispatcher(Map.of(
                "ListStreams", listStreams,
                "DescribeStream", describeStream,
                "GetShardIterator", getShardIterator,
                "GetRecords", getRecords));
    }
}
