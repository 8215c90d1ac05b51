package dev.ddb.table.support;

import java.net.URI;
import java.nio.file.Path;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Settings shared by the tests that start the whole service. */
public final class TestSettings {

    /** Nothing listens on port 1: Kafka sends fail fast and are only logged. */
    public static final String[] UNREACHABLE_KAFKA = {
            "spring.kafka.bootstrap-servers=127.0.0.1:1",
            "spring.kafka.producer.properties.max.block.ms=2000",
            "spring.kafka.admin.auto-create=false",
            "spring.kafka.admin.operation-timeout=1s",
            "spring.kafka.admin.properties.default.api.timeout.ms=1000",
            "spring.kafka.admin.properties.request.timeout.ms=900",
    };

    private TestSettings() {
    }

    /** Command-line style arguments for {@code TableServiceApplication.builder().run(..)}. */
    public static String[] commandLine(Path dataDir) {
        String[] args = new String[UNREACHABLE_KAFKA.length + 2];
        for (int i = 0; i < UNREACHABLE_KAFKA.length; i++) {
            args[i] = "--" + UNREACHABLE_KAFKA[i];
        }
        args[UNREACHABLE_KAFKA.length] = "--server.port=0";
        args[UNREACHABLE_KAFKA.length + 1] = "--ddb.table.data-dir=" + dataDir;
        return args;
    }

    /** A real SDK client pointed at the service; retries off, so every call is answered by exactly one request. */
    public static DynamoDbClient dynamoDb(int port) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(Apache5HttpClient.builder().build())
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
