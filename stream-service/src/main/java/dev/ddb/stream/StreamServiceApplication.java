package dev.ddb.stream;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Stream-service: turns the change log ({@code ddb.item-changes}) into one DynamoDB Streams topic
 * per table ({@code ddb.stream.<TableName>}), exactly once, and serves the DynamoDB Streams API
 * (ListStreams, DescribeStream, GetShardIterator, GetRecords) from those topics.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StreamServiceApplication {

    /** Reads stream-service.yml rather than application.yml, so several services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(StreamServiceApplication.class)
                .properties("spring.config.name=stream-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
