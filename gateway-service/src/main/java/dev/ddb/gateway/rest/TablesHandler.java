package dev.ddb.gateway.rest;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.json.Json;

/** {@code /v1/tables} (ListTables) and {@code /v1/tables/{table}} (DescribeTable). */
@Component
class TablesHandler {

    private final RestExchanges exchanges;
    private final DynamoDbCalls dynamoDb;

    TablesHandler(RestExchanges exchanges, DynamoDbCalls dynamoDb) {
        this.exchanges = exchanges;
        this.dynamoDb = dynamoDb;
    }

    /** 200 with {@code {"tables": ["A", "B"], "next": "..."}}; {@code ?limit=N&next=TOKEN} pages. */
    Mono<ServerResponse> list(ServerRequest request) {
        return exchanges.serve(request, RestExchanges.ignoringBody(caller -> {
            ObjectNode listTables = DynamoDbRequests.listTables(
                    ItemQuery.integer(ItemQuery.single(request.queryParams(), "limit"), "limit"),
                    ItemQuery.single(request.queryParams(), "next"));
            return dynamoDb.call(caller, "ListTables", listTables).flatMap(answer -> {
                ObjectNode page = Json.object();
                page.set("tables", answer.path("TableNames").deepCopy());
                DynamoDbCalls.member(answer, "LastEvaluatedTableName")
                        .ifPresent(last -> page.put("next", PagingToken.ofTableName(last.stringValue())));
                return RestExchanges.json(200, page);
            });
        }));
    }

    /** 200 with DynamoDB's TableDescription, as DescribeTable answers it ({@code Table}'s members). */
    Mono<ServerResponse> describe(ServerRequest request) {
        String table = request.pathVariable("table");
        return exchanges.serve(request, RestExchanges.ignoringBody(caller -> dynamoDb
                .call(caller, "DescribeTable", DynamoDbRequests.describeTable(table))
                .flatMap(answer -> RestExchanges.json(200, answer.path("Table")))));
    }
}
