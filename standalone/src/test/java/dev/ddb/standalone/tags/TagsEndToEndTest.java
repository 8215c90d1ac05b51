package dev.ddb.standalone.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** Tags, DescribeLimits and DescribeEndpoints through the gateway, as a client on port 8000 uses them. */
class TagsEndToEndTest {

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = Clients.dynamoDb(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    @Test
    void tagsAreAddedListedAndRemovedThroughTheGateway() {
        String arn = client.createTable(r -> r.tableName("Tagged")
                        .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .tags(Tag.builder().key("team").value("music").build()))
                .tableDescription().tableArn();

        client.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("env").value("test").build()));
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
                .extracting(Tag::key, Tag::value)
                .containsExactly(tuple("team", "music"), tuple("env", "test"));

        client.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("env");
    }

    @Test
    void badTagsAndUnknownTablesGetDynamoDbsErrors() {
        String arn = client.createTable(r -> r.tableName("Checked")
                        .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST))
                .tableDescription().tableArn();

        assertThatThrownBy(() -> client.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("aws:owner").value("me").build())))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> client.listTagsOfResource(r -> r.resourceArn(arn.replace("Checked", "Missing"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.listTagsOfResource(r -> r.resourceArn("not-an-arn")))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void describeLimitsAndDescribeEndpointsAnswerThroughTheGateway() {
        assertThat(client.describeLimits(r -> { }).accountMaxWriteCapacityUnits()).isEqualTo(80_000L);
        assertThat(client.describeEndpoints(r -> { }).endpoints())
                .extracting(e -> e.address())
                .containsExactly("dynamodb.us-east-1.amazonaws.com");
    }
}
