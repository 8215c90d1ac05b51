package dev.ddb.backup.clients;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.common.json.Json;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.RestoreSummary;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * table-service's internal API: {@code GET /internal/tables/{name}} (the full stored description),
 * {@code POST /internal/restored-tables}, {@code POST /internal/restored-tables/{name}/finish},
 * {@code DELETE /internal/restored-tables/{name}}, each with {@code ?region=} outside the default region.
 */
@Component
public class TableServiceClient {

    private final InternalHttp http;

    public TableServiceClient(BackupServiceProperties properties) {
        this.http = new InternalHttp(properties.tableServiceUrl(), properties.callTimeout());
    }

    /** The table with this key as table-service stores it (TTL and tags included), if there is one. */
    public Optional<TableDescription> table(String tableKey) {
        HttpRequest request = http.request(http.tableUri("/internal/tables", tableKey, "", null)).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw InternalHttp.failure(request, response.statusCode(), response.body());
        }
        return Optional.of(TableDescriptionJson.fromBytes(response.body()));
    }

    /**
     * Creates the restored table, CREATING with its RestoreSummary in progress.
     *
     * @throws dev.ddb.common.error.DynamoDbException CreateTable's errors for the request
     */
    public TableDescription createRestored(String region, ObjectNode createTable, RestoreSummary summary) {
        ObjectNode body = Json.object();
        body.set("CreateTable", createTable);
        ObjectNode restore = body.putObject("RestoreSummary")
                .put("SourceTableArn", summary.sourceTableArn())
                .put("RestoreDateTimeMillis", summary.restoreDateTime().toEpochMilli());
        if (summary.sourceBackupArn() != null) {
            restore.put("SourceBackupArn", summary.sourceBackupArn());
        }
        String query = Regions.isDefault(region) ? "" : "?region=" + region;
        HttpRequest request = http.request(http.uri("/internal/restored-tables" + query))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body))).build();
        return description(request);
    }

    /** The restore loaded every item: the table becomes ACTIVE. */
    public TableDescription finish(String tableKey, String tableId) {
        HttpRequest request = http.request(http.tableUri("/internal/restored-tables", tableKey, "/finish", "tableId=" + tableId))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return description(request);
    }

    /** The restore failed: the table goes (nothing when it is already gone). */
    public void abandon(String tableKey, String tableId) {
        HttpRequest request = http.request(http.tableUri("/internal/restored-tables", tableKey, "", "tableId=" + tableId))
                .DELETE().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw InternalHttp.failure(request, response.statusCode(), response.body());
        }
    }

    private TableDescription description(HttpRequest request) {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw InternalHttp.failure(request, response.statusCode(), response.body());
        }
        return TableDescriptionJson.fromBytes(response.body());
    }
}
