package dev.ddb.common.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A table's Kinesis streaming destinations travel with its stored description, never in DescribeTable's shape. */
class KinesisDestinationsJsonTest {

    private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/orders";

    private static TableDescription table() {
        return new TableDescription("Orders", "id-1", "arn:aws:dynamodb:us-east-1:000000000000:table/Orders",
                TableStatus.ACTIVE, Instant.ofEpochMilli(1764500000123L),
                List.of(new AttributeDefinition("pk", ScalarAttributeType.S)),
                KeySchema.hashOnly("pk", ScalarAttributeType.S), ProvisionedThroughputDescription.onDemand(), null,
                List.of(), List.of(), null, null, null, false, 0, 0, null);
    }

    @Test
    void storedDescriptionsKeepTheDestinationsButDescribeTableDoesNotShowThem() {
        TableDescription table = table().withKinesisDataStreamDestinations(List.of(
                new KinesisDataStreamDestination(STREAM, "ACTIVE", null, "MICROSECOND"),
                new KinesisDataStreamDestination(STREAM + "-old", "ENABLE_FAILED", "User does not have a permission to use kinesis stream", null)));

        assertThat(TableDescriptionJson.write(table).has("KinesisDataStreamDestinations")).isFalse();
        assertThat(TableDescriptionJson.writeStored(table).get("KinesisDataStreamDestinations").toString()).isEqualTo(
                "[{\"StreamArn\":\"" + STREAM + "\",\"DestinationStatus\":\"ACTIVE\",\"ApproximateCreationDateTimePrecision\":\"MICROSECOND\"},"
                        + "{\"StreamArn\":\"" + STREAM + "-old\",\"DestinationStatus\":\"ENABLE_FAILED\","
                        + "\"DestinationStatusDescription\":\"User does not have a permission to use kinesis stream\"}]");
        TableDescription read = TableDescriptionJson.fromBytes(TableDescriptionJson.toBytes(table));
        assertThat(read.kinesisDataStreamDestinations()).isEqualTo(table.kinesisDataStreamDestinations());
        assertThat(read.withTags(java.util.Map.of("k", "v")).kinesisDataStreamDestinations())
                .as("other changes keep them").isEqualTo(table.kinesisDataStreamDestinations());
    }

    @Test
    void descriptionsStoredBeforeDestinationsExistedHaveNone() {
        TableDescription read = TableDescriptionJson.read(TableDescriptionJson.write(table()));
        assertThat(read.kinesisDataStreamDestinations()).isEmpty();
        assertThat(read.kinesisDataStreamDestinations().isEmpty()).isTrue();
    }

    @Test
    void streamArnsAreParsedWithKinesissNameRules() {
        assertThat(KinesisStreamArn.parse(STREAM)).hasValueSatisfying(arn -> {
            assertThat(arn.region()).isEqualTo("us-east-1");
            assertThat(arn.accountId()).isEqualTo("000000000000");
            assertThat(arn.streamName()).isEqualTo("orders");
        });
        assertThat(KinesisStreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/with space")).isEmpty();
        assertThat(KinesisStreamArn.parse("arn:aws:kinesis:us-east-1:0000:stream/orders")).isEmpty();
        assertThat(KinesisStreamArn.parse("arn:aws:sqs:us-east-1:000000000000:stream/orders")).isEmpty();
        assertThat(dev.ddb.common.event.Topics.kinesisTopic("us-east-1", "orders")).isEqualTo("ddb.kinesis.orders");
        assertThat(dev.ddb.common.event.Topics.kinesisTopic("eu-west-1", "orders")).isEqualTo("ddb.kinesis.eu-west-1.orders");
    }
}
