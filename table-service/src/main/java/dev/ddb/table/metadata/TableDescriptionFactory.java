package dev.ddb.table.metadata;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.region.Regions;
import dev.ddb.common.table.AttributeDefinition;
import dev.ddb.common.table.BillingMode;
import dev.ddb.common.table.BillingModeSummary;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.LocalSecondaryIndex;
import dev.ddb.common.table.StreamViewType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.request.CreateTableRequest;
import dev.ddb.table.request.StreamSpecification;

/** Builds the TableDescription of a new table from a valid CreateTable request. */
@Component
public class TableDescriptionFactory {

    private final String accountId;
    private final Clock clock;

    @Autowired
    public TableDescriptionFactory(TableServiceProperties properties) {
        this(properties.accountId(), Clock.systemUTC());
    }

    TableDescriptionFactory(String accountId, Clock clock) {
        this.accountId = accountId == null || accountId.isBlank() ? TableArns.DEFAULT_ACCOUNT_ID : accountId;
        this.clock = clock;
    }

    /** A table of the default region. */
    public TableDescription newTable(CreateTableRequest request, TableStatus status) {
        return newTable(request, status, Regions.DEFAULT_REGION);
    }

    /** @param region the region of the CreateTable request, named in the table's ARN */
    public TableDescription newTable(CreateTableRequest request, TableStatus status, String region) {
        // Milliseconds: DynamoDB's date-times are epoch seconds with a millisecond fraction.
        long nowMillis = clock.millis();
        Instant now = Instant.ofEpochMilli(nowMillis);
        String tableArn = TableArns.table(accountId, region, request.tableName());
        boolean onDemand = request.payPerRequest();
        List<AttributeDefinition> definitions = SecondaryIndexDescriptions.definitions(request.attributeDefinitions());

        List<LocalSecondaryIndex> locals = request.localSecondaryIndexes() == null ? List.of()
                : request.localSecondaryIndexes().stream()
                        .map(index -> SecondaryIndexDescriptions.local(index, definitions, tableArn)).toList();
        // Index creation is synchronous here, like the table's: a new table's global indexes are ACTIVE.
        List<GlobalSecondaryIndex> globals = request.globalSecondaryIndexes() == null ? List.of()
                : request.globalSecondaryIndexes().stream()
                        .map(index -> SecondaryIndexDescriptions.global(index, definitions, tableArn, IndexStatus.ACTIVE,
                                null, onDemand ? null : index.provisionedThroughput())
                                .withOnDemandThroughput(onDemand ? SecondaryIndexDescriptions.maximums(index.onDemandThroughput()) : null))
                        .toList();
        TableDescription table = new TableDescription(
                request.tableName(),
                UUID.randomUUID().toString(),
                tableArn,
                status,
                now,
                definitions,
                SecondaryIndexDescriptions.keySchema(request.keySchema(), definitions),
                ThroughputDescriptions.initial(onDemand ? null : request.provisionedThroughput()),
                onDemand ? new BillingModeSummary(BillingMode.PAY_PER_REQUEST, now) : null,
                locals,
                globals,
                null,
                null,
                null,
                Boolean.TRUE.equals(request.deletionProtectionEnabled()),
                0,
                0,
                null);
        table = table.withSseDescription(SseDescriptions.describe(request.sseSpecification(), tableArn));
        if (onDemand) {
            table = table.withOnDemandThroughput(SecondaryIndexDescriptions.maximums(request.onDemandThroughput()));
        }
        StreamSpecification stream = request.streamSpecification();
        if (stream != null && stream.enabled()) {
            table = TableStreams.enable(table, StreamViewType.valueOf(stream.streamViewType()), nowMillis);
        }
        return table;
    }
}
