package dev.ddb.gateway.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.BlockingDispatcher;
import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.gateway.routing.DownstreamService;

class InProcessDownstreamTest {

    private static final String LIST_TABLES = "DynamoDB_20120810.ListTables";

    @Test
    void relaysTheServicesAnswerWithItsRequestIdAndChecksum() {
        try (BlockingDispatcher tables = new BlockingDispatcher("table-service", new OperationDispatcher(Map.of(
                "ListTables", (context, request) -> tableNames(request))), 2)) {
            InProcessDownstream downstream = new InProcessDownstream(name -> name.equals("table-service") ? tables : null);

            DownstreamResponse answer = downstream.call(DownstreamService.TABLE, LIST_TABLES, "{}".getBytes(StandardCharsets.UTF_8)).block();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"TableNames\":[]}");
            assertThat(answer.requestId()).matches("[A-Z0-9]{52}");
            assertThat(answer.crc32()).isEqualTo(AwsJsonProtocol.crc32(answer.body()));
        }
    }

    @Test
    void aStoppedServiceIsNotRunning() {
        InProcessDownstream downstream = new InProcessDownstream(name -> null);

        assertThatThrownBy(() -> downstream.call(DownstreamService.ITEM, LIST_TABLES, new byte[0]).block())
                .isInstanceOf(ServiceNotRunningException.class)
                .hasMessage("item-service is not running");
    }

    @Test
    void aServiceWhosePoolIsShutDownIsNotRunning() {
        BlockingDispatcher closed = new BlockingDispatcher("item-service", new OperationDispatcher(Map.of()), 1);
        closed.close();
        InProcessDownstream downstream = new InProcessDownstream(name -> closed);

        assertThatThrownBy(() -> downstream.call(DownstreamService.ITEM, LIST_TABLES, new byte[0]).block())
                .isInstanceOf(ServiceNotRunningException.class);
    }

    private static ObjectNode tableNames(ObjectNode request) {
        ObjectNode answer = Json.object();
        answer.putArray("TableNames");
        return answer;
    }
}
