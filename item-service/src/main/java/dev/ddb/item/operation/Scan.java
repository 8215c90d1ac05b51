package dev.ddb.item.operation;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.capacity.CapacityLimits;
import dev.ddb.item.capacity.ReturnConsumedCapacity;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.ConditionPaths;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.read.ExclusiveStartKey;
import dev.ddb.item.read.ReadPage;
import dev.ddb.item.read.ReadResponse;
import dev.ddb.item.read.ReadTarget;
import dev.ddb.item.read.ScanSegment;
import dev.ddb.item.read.Select;
import dev.ddb.item.request.RequestParameters;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.storage.KeyRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scan: every item of the table or every entry of an index (IndexName), or of one parallel scan
 * segment, in key order, filtered and paged. The request is checked completely before the table
 * is looked up.
 */
public final class Scan implements Operation {

    private final ItemStore store;
    private final CapacityLimits limits;

    public Scan(ItemStore store, CapacityLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String tableName = RequestParameters.tableName(request);
        RequestExpressions expressions = RequestExpressions.of(request, ParameterMixing.SCAN);
        ExclusiveStartKey startKey = ExclusiveStartKey.read(request);
        ScanSegment segment = ScanSegment.of(request);
        Condition filter = expressions.filter("ScanFilter");
        Projection projection = expressions.projection();
        expressions.assertAllUsed();
        String indexName = RequestParameters.optionalString(request, "IndexName");
        Select select = Select.of(request, projection, indexName != null);
        Integer limit = RequestParameters.optionalInt(request, "Limit");
        boolean consistentRead = RequestParameters.flag(request, "ConsistentRead");
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);

        TableDescription table = Tables.require(store, context, tableName);
        ReadTarget target = ReadTarget.of(table, indexName);
        target.checkRead(consistentRead, select);
        KeySchema schema = target.keySchema();
        byte[] exclusiveStart = null;
        if (startKey != null) {
            exclusiveStart = startKey.encodedForScan(target);
            if (segment != null) {
                startKey.checkIn(segment, schema);
            }
        }
        if (projection != null) {
            ScalarKeyPaths.check(projection.paths(), schema);
        }
        if (filter != null) {
            ScalarKeyPaths.check(ConditionPaths.of(filter), schema);
        }

        limits.checkRead(table, target.globalIndex() ? target.index().indexName() : null);
        boolean fetchItems = target.fetchesItems(select, projection == null ? List.of()
                : projection.paths().stream().map(DocumentPath::topLevelName).toList());
        Predicate<Map<String, AttributeValue>> inSegment = segment == null ? null : item -> segment.contains(item, schema);
        ReadPage page = ReadPage.read(target.read(store.snapshot(table), KeyRange.all(), true, exclusiveStart, fetchItems),
                limit, filter, inSegment, target::lastEvaluatedKey);
        return ReadResponse.of(capacity, target, page, select, projection, consistentRead, fetchItems, limits);
    }
}
