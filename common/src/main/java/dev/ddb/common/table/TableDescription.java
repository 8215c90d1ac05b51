package dev.ddb.common.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as every service knows it, in DynamoDB's words: what DescribeTable answers (see
 * {@link TableDescriptionJson} for that shape), what {@code ddb.table-events} carries and what
 * item-service and stream-service keep. Immutable; the {@code with...} methods give changed copies.
 *
 * @param tableId              a table re-created under the same name is a new table with a new id
 * @param billingModeSummary   null for a table created PROVISIONED and never switched
 * @param streamSpecification  null while the table has no enabled stream
 * @param latestStreamLabel    the table's last stream, enabled or not (null if it never had one)
 * @param timeToLive           the Time to Live setting, null when never set (disabled). Not part of
 *                             DescribeTable's shape: DescribeTimeToLive answers it
 * @param tags                 the table's resource tags (TagResource), in the order they were added;
 *                             empty when it has none. Not part of DescribeTable's shape either:
 *                             ListTagsOfResource answers them
 * @param onDemandThroughput   the maximums of a PAY_PER_REQUEST table (null: none); a PROVISIONED table has none
 * @param restoreSummary       where a table created by a restore came from; null for any other table
 * @param sseDescription       the table's server-side encryption as DynamoDB describes it: null for
 *                             the default (an AWS owned key, which DynamoDB does not describe). What
 *                             it says is reported only: the suite encrypts every table under its own
 *                             master key, whatever the table asks for
 * @param kinesisDataStreamDestinations the table's Kinesis streaming destinations, newest first
 *                             (empty when it never had one). Not part of DescribeTable's shape:
 *                             DescribeKinesisStreamingDestination answers them
 */
public record TableDescription(
        String tableName,
        String tableId,
        String tableArn,
        TableStatus tableStatus,
        Instant creationDateTime,
        List<AttributeDefinition> attributeDefinitions,
        KeySchema keySchema,
        ProvisionedThroughputDescription provisionedThroughput,
        BillingModeSummary billingModeSummary,
        List<LocalSecondaryIndex> localSecondaryIndexes,
        List<GlobalSecondaryIndex> globalSecondaryIndexes,
        StreamSpecification streamSpecification,
        String latestStreamLabel,
        String latestStreamArn,
        boolean deletionProtectionEnabled,
        long tableSizeBytes,
        long itemCount,
        TimeToLive timeToLive,
        Map<String, String> tags,
        OnDemandThroughput onDemandThroughput,
        RestoreSummary restoreSummary,
        SseDescription sseDescription,
        List<KinesisDataStreamDestination> kinesisDataStreamDestinations) {

    public TableDescription {
        kinesisDataStreamDestinations = kinesisDataStreamDestinations == null ? List.of()
                : List.copyOf(kinesisDataStreamDestinations);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        attributeDefinitions = List.copyOf(attributeDefinitions);
        localSecondaryIndexes = localSecondaryIndexes == null ? List.of() : List.copyOf(localSecondaryIndexes);
        globalSecondaryIndexes = globalSecondaryIndexes == null ? List.of() : List.copyOf(globalSecondaryIndexes);
    }

    /** A description of a table that never had a Kinesis streaming destination. */
    public TableDescription(String tableName, String tableId, String tableArn, TableStatus tableStatus,
                            Instant creationDateTime, List<AttributeDefinition> attributeDefinitions, KeySchema keySchema,
                            ProvisionedThroughputDescription provisionedThroughput, BillingModeSummary billingModeSummary,
                            List<LocalSecondaryIndex> localSecondaryIndexes, List<GlobalSecondaryIndex> globalSecondaryIndexes,
                            StreamSpecification streamSpecification, String latestStreamLabel, String latestStreamArn,
                            boolean deletionProtectionEnabled, long tableSizeBytes, long itemCount, TimeToLive timeToLive,
                            Map<String, String> tags, OnDemandThroughput onDemandThroughput, RestoreSummary restoreSummary,
                            SseDescription sseDescription) {
        this(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions, keySchema,
                provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, tags, onDemandThroughput, restoreSummary, sseDescription, List.of());
    }

    /** A description with the default encryption (no SSEDescription). */
    public TableDescription(String tableName, String tableId, String tableArn, TableStatus tableStatus,
                            Instant creationDateTime, List<AttributeDefinition> attributeDefinitions, KeySchema keySchema,
                            ProvisionedThroughputDescription provisionedThroughput, BillingModeSummary billingModeSummary,
                            List<LocalSecondaryIndex> localSecondaryIndexes, List<GlobalSecondaryIndex> globalSecondaryIndexes,
                            StreamSpecification streamSpecification, String latestStreamLabel, String latestStreamArn,
                            boolean deletionProtectionEnabled, long tableSizeBytes, long itemCount, TimeToLive timeToLive,
                            Map<String, String> tags, OnDemandThroughput onDemandThroughput, RestoreSummary restoreSummary) {
        this(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions, keySchema,
                provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, tags, onDemandThroughput, restoreSummary, null);
    }

    /** A description without tags. */
    public TableDescription(String tableName, String tableId, String tableArn, TableStatus tableStatus,
                            Instant creationDateTime, List<AttributeDefinition> attributeDefinitions, KeySchema keySchema,
                            ProvisionedThroughputDescription provisionedThroughput, BillingModeSummary billingModeSummary,
                            List<LocalSecondaryIndex> localSecondaryIndexes, List<GlobalSecondaryIndex> globalSecondaryIndexes,
                            StreamSpecification streamSpecification, String latestStreamLabel, String latestStreamArn,
                            boolean deletionProtectionEnabled, long tableSizeBytes, long itemCount, TimeToLive timeToLive) {
        this(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions, keySchema,
                provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, Map.of(), null, null, null);
    }

    /** A description without on-demand maximums, of a table not created by a restore. */
    public TableDescription(String tableName, String tableId, String tableArn, TableStatus tableStatus,
                            Instant creationDateTime, List<AttributeDefinition> attributeDefinitions, KeySchema keySchema,
                            ProvisionedThroughputDescription provisionedThroughput, BillingModeSummary billingModeSummary,
                            List<LocalSecondaryIndex> localSecondaryIndexes, List<GlobalSecondaryIndex> globalSecondaryIndexes,
                            StreamSpecification streamSpecification, String latestStreamLabel, String latestStreamArn,
                            boolean deletionProtectionEnabled, long tableSizeBytes, long itemCount, TimeToLive timeToLive,
                            Map<String, String> tags) {
        this(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions, keySchema,
                provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, tags, null, null, null);
    }

    public BillingMode billingMode() {
        return billingModeSummary == null ? BillingMode.PROVISIONED : billingModeSummary.billingMode();
    }

    public boolean payPerRequest() {
        return billingMode() == BillingMode.PAY_PER_REQUEST;
    }

    public boolean streamEnabled() {
        return streamSpecification != null && streamSpecification.streamEnabled();
    }

    /** The local indexes, then the global ones. */
    public List<SecondaryIndex> secondaryIndexes() {
        List<SecondaryIndex> indexes = new ArrayList<>(localSecondaryIndexes);
        indexes.addAll(globalSecondaryIndexes);
        return indexes;
    }

    public Optional<SecondaryIndex> index(String indexName) {
        return secondaryIndexes().stream().filter(index -> index.indexName().equals(indexName)).findFirst();
    }

    public Optional<GlobalSecondaryIndex> globalIndex(String indexName) {
        return globalSecondaryIndexes.stream().filter(index -> index.indexName().equals(indexName)).findFirst();
    }

    public boolean hasLocalIndexes() {
        return !localSecondaryIndexes.isEmpty();
    }

    /** Names of the global indexes in this status, in the table's order. */
    public List<String> globalIndexesWithStatus(IndexStatus status) {
        return globalSecondaryIndexes.stream().filter(index -> index.indexStatus() == status)
                .map(GlobalSecondaryIndex::indexName).toList();
    }

    public ScalarAttributeType attributeType(String attributeName) {
        return attributeDefinitions.stream().filter(definition -> definition.attributeName().equals(attributeName))
                .map(AttributeDefinition::attributeType).findFirst().orElse(null);
    }

    public TableDescription withStatus(TableStatus status) {
        return new TableDescription(tableName, tableId, tableArn, status, creationDateTime, attributeDefinitions,
                keySchema, provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, tags, onDemandThroughput, restoreSummary, sseDescription, kinesisDataStreamDestinations);
    }

    public TableDescription withIndexes(List<AttributeDefinition> definitions, List<GlobalSecondaryIndex> globalIndexes) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, definitions,
                keySchema, provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, tags, onDemandThroughput, restoreSummary, sseDescription, kinesisDataStreamDestinations);
    }

    public TableDescription withGlobalSecondaryIndexes(List<GlobalSecondaryIndex> globalIndexes) {
        return withIndexes(attributeDefinitions, globalIndexes);
    }

    public TableDescription withBilling(BillingModeSummary summary, ProvisionedThroughputDescription throughput) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions,
                keySchema, throughput, summary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, tags, onDemandThroughput, restoreSummary, sseDescription, kinesisDataStreamDestinations);
    }

    /** The stream members together: DynamoDB keeps the Latest* ones after the stream is disabled. */
    public TableDescription withStream(StreamSpecification specification, String label, String arn) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions,
                keySchema, provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                specification, label, arn, deletionProtectionEnabled, tableSizeBytes, itemCount, timeToLive, tags,
                onDemandThroughput, restoreSummary, sseDescription, kinesisDataStreamDestinations);
    }

    public TableDescription withDeletionProtectionEnabled(boolean enabled) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions,
                keySchema, provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, enabled, tableSizeBytes, itemCount,
                timeToLive, tags, onDemandThroughput, restoreSummary, sseDescription, kinesisDataStreamDestinations);
    }

    public TableDescription withTimeToLive(TimeToLive setting) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions,
                keySchema, provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, setting, tags, onDemandThroughput, restoreSummary, sseDescription, kinesisDataStreamDestinations);
    }

    /** The attribute items expire by, or null while TTL is disabled. */
    public String timeToLiveAttribute() {
        return TimeToLive.expiryAttribute(timeToLive);
    }

    public TableDescription withTags(Map<String, String> newTags) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions,
                keySchema, provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, newTags, onDemandThroughput, restoreSummary, sseDescription, kinesisDataStreamDestinations);
    }

    /** The table with these on-demand maximums (null: none). */
    public TableDescription withOnDemandThroughput(OnDemandThroughput maximums) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions,
                keySchema, provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, tags, maximums == null || maximums.isEmpty() ? null : maximums, restoreSummary,
                sseDescription, kinesisDataStreamDestinations);
    }

    public TableDescription withRestoreSummary(RestoreSummary summary) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions,
                keySchema, provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, tags, onDemandThroughput, summary, sseDescription, kinesisDataStreamDestinations);
    }

    /** The table with this encryption setting (null: the default AWS owned key). */
    public TableDescription withSseDescription(SseDescription description) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions,
                keySchema, provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, tags, onDemandThroughput, restoreSummary, description,
                kinesisDataStreamDestinations);
    }

    /** The table with DescribeTable's statistics: its size and items, and its indexes with theirs. */
    public TableDescription withStatistics(long sizeBytes, long count, List<LocalSecondaryIndex> localIndexes,
                                           List<GlobalSecondaryIndex> globalIndexes) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions,
                keySchema, provisionedThroughput, billingModeSummary, localIndexes, globalIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, sizeBytes,
                count, timeToLive, tags, onDemandThroughput, restoreSummary, sseDescription, kinesisDataStreamDestinations);
    }

    /** The table with these Kinesis streaming destinations (newest first). */
    public TableDescription withKinesisDataStreamDestinations(List<KinesisDataStreamDestination> destinations) {
        return new TableDescription(tableName, tableId, tableArn, tableStatus, creationDateTime, attributeDefinitions,
                keySchema, provisionedThroughput, billingModeSummary, localSecondaryIndexes, globalSecondaryIndexes,
                streamSpecification, latestStreamLabel, latestStreamArn, deletionProtectionEnabled, tableSizeBytes,
                itemCount, timeToLive, tags, onDemandThroughput, restoreSummary, sseDescription, destinations);
    }

    /** A table being loaded by a restore: item writes are refused until it is ACTIVE. */
    public boolean restoreInProgress() {
        return restoreSummary != null && restoreSummary.restoreInProgress();
    }
}
