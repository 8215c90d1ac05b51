package dev.ddb.gateway.access.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ddb.common.json.Json;
import dev.ddb.gateway.access.policy.EvaluationContext;
import dev.ddb.gateway.routing.DownstreamService;
import dev.ddb.gateway.routing.OperationRoutes;

/**
 * The Kinesis streaming destination operations go to table-service (which owns the setting) and
 * are authorized as DynamoDB's action of their name on the table's ARN, the TableName given by name or ARN.
 */
class KinesisStreamingDestinationChecksTest {

    private static final DynamoDbArns ARNS = new DynamoDbArns("eu-west-1", "123456789012");
    private static final String ORDERS = "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders";
    private static final String STREAM = "arn:aws:kinesis:eu-west-1:123456789012:stream/orders";

    @ParameterizedTest
    @ValueSource(strings = {"EnableKinesisStreamingDestination", "DisableKinesisStreamingDestination",
            "UpdateKinesisStreamingDestination", "DescribeKinesisStreamingDestination"})
    void eachIsTheActionOfItsNameOnTheTableAndGoesToTableService(String operation) {
        for (String tableName : List.of("Orders", ORDERS)) {
            List<AccessCheck> checks = OperationChecks.of(operation, Json.MAPPER.readTree(
                    "{\"TableName\": \"" + tableName + "\", \"StreamArn\": \"" + STREAM + "\"}"),
                    ARNS, table -> Optional.empty(), EvaluationContext.builder().build());
            assertThat(checks).singleElement().satisfies(check -> {
                assertThat(check.action()).isEqualTo("dynamodb:" + operation);
                assertThat(check.resource()).isEqualTo(ORDERS);
            });
        }
        assertThat(new OperationRoutes().routeOf("DynamoDB_20120810." + operation)).hasValueSatisfying(route -> {
            assertThat(route.service()).isEqualTo(DownstreamService.TABLE);
            assertThat(route.readOnly()).isEqualTo(operation.startsWith("Describe"));
        });
    }
}
