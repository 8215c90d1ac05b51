package dev.ddb.gateway.rest;

import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.json.Json;

/**
 * {@code /v1/tables/{table}/items...}: an item by its key (GetItem, PutItem, UpdateItem,
 * DeleteItem) and a query by partition key (Query), each translated by {@link DynamoDbRequests}
 * and sent by {@link DynamoDbCalls}.
 */
@Component
class ItemsHandler {

    private final RestExchanges exchanges;
    private final DynamoDbCalls dynamoDb;

    ItemsHandler(RestExchanges exchanges, DynamoDbCalls dynamoDb) {
        this.exchanges = exchanges;
        this.dynamoDb = dynamoDb;
    }

    /** 200 with the item; 404 when there is none. {@code ?consistent=true} for a strongly consistent read. */
    Mono<ServerResponse> get(ServerRequest request) {
        String table = request.pathVariable("table");
        return exchanges.serve(request, RestExchanges.ignoringBody(caller -> dynamoDb.keySchemaOf(caller, table)
                .flatMap(schema -> dynamoDb.call(caller, "GetItem", DynamoDbRequests.getItem(table,
                        keyOf(request, schema.table()),
                        ItemQuery.bool(request.queryParam("consistent").orElse(null), "consistent"))))
                .flatMap(answer -> DynamoDbCalls.member(answer, "Item")
                        .map(item -> RestExchanges.json(200, PlainItems.fromItem(item)))
                        .orElseGet(() -> noItem(table)))));
    }

    /** 201 (with Location) when the item is new, 200 when it replaced one; the body is the item stored. */
    Mono<ServerResponse> put(ServerRequest request) {
        String table = request.pathVariable("table");
        return exchanges.serve(request, (caller, body) -> {
            ObjectNode document = PlainItems.readDocument(body);
            Precondition precondition = Precondition.of(request.headers().asHttpHeaders());
            return dynamoDb.keySchemaOf(caller, table).flatMap(schema -> {
                ObjectNode put = DynamoDbRequests.putItem(table, schema.table(), keyOf(request, schema.table()),
                        document, precondition);
                return dynamoDb.call(caller, "PutItem", put).flatMap(answer -> {
                    // only once PutItem took it: a key from the path may be no number at all
                    ObjectNode stored = PlainItems.fromItem(put.get("Item"));
                    if (DynamoDbCalls.member(answer, "Attributes").isPresent()) {
                        return RestExchanges.json(200, stored);
                    }
                    return ServerResponse.created(request.uri()).contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Json.write(stored));
                });
            });
        });
    }

    /** 200 with the item as it is after the patch (created when it did not exist, unless If-Match: *). */
    Mono<ServerResponse> patch(ServerRequest request) {
        String table = request.pathVariable("table");
        return exchanges.serve(request, (caller, body) -> {
            ObjectNode patch = PlainItems.readDocument(body);
            Precondition precondition = Precondition.of(request.headers().asHttpHeaders());
            return dynamoDb.keySchemaOf(caller, table)
                    .flatMap(schema -> dynamoDb.call(caller, "UpdateItem", DynamoDbRequests.updateItem(table,
                            schema.table(), keyOf(request, schema.table()), patch, precondition)))
                    .flatMap(answer -> RestExchanges.json(200,
                            PlainItems.fromItem(DynamoDbCalls.member(answer, "Attributes").orElse(Json.object()))));
        });
    }

    /** 204 when the item was deleted; 404 when there was none. */
    Mono<ServerResponse> delete(ServerRequest request) {
        String table = request.pathVariable("table");
        return exchanges.serve(request, (caller, body) -> {
            Precondition precondition = Precondition.of(request.headers().asHttpHeaders());
            return dynamoDb.keySchemaOf(caller, table)
                    .flatMap(schema -> dynamoDb.call(caller, "DeleteItem", DynamoDbRequests.deleteItem(table,
                            schema.table(), keyOf(request, schema.table()), precondition)))
                    .flatMap(answer -> DynamoDbCalls.member(answer, "Attributes").isPresent()
                            ? ServerResponse.noContent().build()
                            : noItem(table));
        });
    }

    /** 200 with {@code {"items": [...], "count": n, "next": "..."}}; {@code next} only when there is more. */
    Mono<ServerResponse> query(ServerRequest request) {
        String table = request.pathVariable("table");
        return exchanges.serve(request, RestExchanges.ignoringBody(caller -> {
            ItemQuery query = ItemQuery.of(request.queryParams());
            return dynamoDb.keySchemaOf(caller, table)
                    .flatMap(schema -> dynamoDb.call(caller, "Query",
                            DynamoDbRequests.query(table, schema.keysOf(query.index(), table), query)))
                    .flatMap(answer -> {
                        ObjectNode page = Json.object();
                        ArrayNode items = page.putArray("items");
                        answer.path("Items").forEach(item -> items.add(PlainItems.fromItem(item)));
                        page.put("count", items.size());
                        DynamoDbCalls.member(answer, "LastEvaluatedKey")
                                .ifPresent(last -> page.put("next", PagingToken.ofKey(last)));
                        return RestExchanges.json(200, page);
                    });
        }));
    }

    private static ObjectNode keyOf(ServerRequest request, KeySchema.Keys keys) {
        Optional<String> sortKey = request.pathVariables().containsKey("sortKey")
                ? Optional.of(request.pathVariable("sortKey")) : Optional.empty();
        return DynamoDbRequests.key(keys, request.pathVariable("partitionKey"), sortKey.orElse(null));
    }

    private static Mono<ServerResponse> noItem(String table) {
        return Problems.render(RestProblem.notFound("No item with this key in table " + table));
    }
}
