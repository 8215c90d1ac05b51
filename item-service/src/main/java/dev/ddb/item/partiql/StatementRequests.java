package dev.ddb.item.partiql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.read.ReadTarget;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a statement into the item operation DynamoDB carries it out as: a SELECT naming its
 * partition key is a Query (its sort key condition, if any, too), any other SELECT a Scan; an
 * INSERT is a PutItem that must not replace an item; an UPDATE or DELETE names the whole key, the
 * rest of its WHERE being its condition: an UpdateItem of an item that must exist, or a DeleteItem
 * (of no item, without error, when there is none).
 */
final class StatementRequests {

    private static final List<String> SORT_KEY_OPERATORS = List.of("=", "<", "<=", ">", ">=");
    /** The most Queries one SELECT's partition key IN list becomes; a longer list is a Scan's filter. */
    static final int MAX_QUERIES = 100;

    private StatementRequests() {
    }

    /**
     * ExecuteStatement's SELECT: a Query or a Scan; or, for a partition key IN a list of values
     * and no ORDER BY, a Query per value, in the list's order, as DynamoDB decomposes it.
     */
    static List<ItemRequest> select(Statement.Select select, TableDescription table) {
        ReadTarget target = ReadTarget.of(table, select.indexName());
        if (target.globalIndex()) {
            checkProjected(select, table, target.index());
        }
        KeySchema schema = target.keySchema();
        WhereClause where = new WhereClause(select.where());
        Term.Comparison partition = where.equality(schema.hashKey());
        Term.In partitions = partition == null && select.orderBy() == null
                ? where.keyIn(schema.hashKey(), schema.hashKeyType().name(), MAX_QUERIES) : null;
        List<Term> rest = new ArrayList<>(where.conjuncts());
        rest.remove(partition);
        rest.remove(partitions);
        Term sort = schema.hasRangeKey() ? rest.stream().filter(term -> isSortKeyCondition(term, schema.rangeKey()))
                .findFirst().orElse(null) : null;
        rest.remove(sort);
        boolean keyed = rest.stream().noneMatch(term -> WhereClause.mentionsKey(term, schema));
        if (keyed && partition != null) {
            return List.of(query(select, schema, partition, sort, rest));
        }
        if (keyed && partitions != null) {
            // one Query per value: 1 and 1.0 are one value
            Map<AttributeValue, Term> values = new LinkedHashMap<>();
            partitions.candidates().forEach(value -> values.putIfAbsent(AttributeValueJson.read(((Term.Literal) value).value()), value));
            List<ItemRequest> queries = new ArrayList<>();
            for (Term value : values.values()) {
                queries.add(query(select, schema, new Term.Comparison("=", partitions.operand(), value), sort, rest));
            }
            return queries;
        }
        ExpressionText text = new ExpressionText();
        ObjectNode request = read(select);
        if (select.where() != null) {
            request.put("FilterExpression", text.condition(select.where()));
        }
        if (select.orderBy() != null) {
            throw DynamoDbException.validation(select.where() == null
                    ? "Must have WHERE clause in the statement when using ORDER BY clause."
                    : "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
        }
        project(select, text, request);
        text.addTo(request);
        return List.of(new ItemRequest("Scan", request));
    }

    /** A Query of the partition {@code partition} names, with the sort key condition and filter given. */
    private static ItemRequest query(Statement.Select select, KeySchema schema, Term partition, Term sort, List<Term> filter) {
        ExpressionText text = new ExpressionText();
        ObjectNode request = read(select);
        String keyCondition = text.condition(partition);
        if (sort != null) {
            keyCondition += " AND " + text.condition(sort);
        }
        request.put("KeyConditionExpression", keyCondition);
        Term rest = WhereClause.and(filter);
        if (rest != null) {
            request.put("FilterExpression", text.condition(rest));
        }
        if (select.orderBy() != null) {
            String name = select.orderBy().attributeName();
            if (name == null || !schema.isKeyAttribute(name)) {
                throw DynamoDbException.validation("Variable reference " + (name == null ? select.orderBy().steps().get(0) : name)
                        + " in ORDER BY clause must be part of the primary key");
            }
            request.put("ScanIndexForward", !select.descending());
        }
        project(select, text, request);
        text.addTo(request);
        return new ItemRequest("Query", request);
    }

    private static ObjectNode read(Statement.Select select) {
        ObjectNode request = Json.object().put("TableName", select.tableName());
        if (select.indexName() != null) {
            request.put("IndexName", select.indexName());
        }
        return request;
    }

    /** A global index answers only the attributes it projects: asking for others is an error, naming them in the statement's order. */
    private static void checkProjected(Statement.Select select, TableDescription table, SecondaryIndex index) {
        Set<String> missing = new LinkedHashSet<>();
        for (Term.Path path : select.projection()) {
            String name = (String) path.steps().get(0);
            if (!index.projection().projects(name, table.keySchema(), index.keySchema())) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Global secondary index "
                    + index.indexName() + " does not project " + missing.stream().collect(Collectors.joining(", ", "[", "]")));
        }
    }

    /**
     * A SELECT in a batch or a transaction: a GetItem of the one item its WHERE names by its whole
     * key and nothing else; null for any other SELECT (each caller has its own message for it).
     */
    static ItemRequest getItem(Statement.Select select, TableDescription table) {
        WhereClause where = new WhereClause(select.where());
        KeySchema schema = table.keySchema();
        boolean keyOnly = select.indexName() == null && where.conjuncts().size() == schema.keyCount()
                && where.equality(schema.hashKey()) != null && (!schema.hasRangeKey() || where.equality(schema.rangeKey()) != null);
        if (!keyOnly) {
            return null;
        }
        ObjectNode request = Json.object().put("TableName", select.tableName());
        request.set("Key", key(where, schema));
        ExpressionText text = new ExpressionText();
        project(select, text, request);
        text.addTo(request);
        return new ItemRequest("GetItem", request);
    }

    static ItemRequest insert(Statement.Insert insert, TableDescription table) {
        KeySchema schema = table.keySchema();
        for (String key : PrimaryKeys.attributeNames(schema)) {
            if (!insert.item().has(key)) {
                throw DynamoDbException.validation("Key attribute should be present in the item: Key " + key);
            }
        }
        ExpressionText text = new ExpressionText();
        ObjectNode request = Json.object().put("TableName", insert.tableName());
        request.set("Item", insert.item());
        request.put("ConditionExpression", "attribute_not_exists(" + text.name(table.keySchema().hashKey()) + ")");
        text.addTo(request);
        return new ItemRequest("PutItem", request);
    }

    static ItemRequest update(Statement.Update update, TableDescription table) {
        ExpressionText text = new ExpressionText();
        ObjectNode request = Json.object().put("TableName", update.tableName());
        List<Term> rest = keyed(update.where(), table.keySchema(), request);
        List<String> sets = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (Statement.SetAction set : update.sets()) {
            String path = text.path(set.path());
            if (set.value() instanceof Term.Function function && List.of("set_add", "set_delete").contains(function.name())) {
                (function.name().equals("set_add") ? adds : deletes).add(path + " " + setChange(function, set.path(), text));
            } else {
                sets.add(path + " = " + text.operand(set.value()));
            }
        }
        StringBuilder expression = new StringBuilder();
        clause(expression, "SET", sets);
        clause(expression, "REMOVE", update.removes().stream().map(text::path).toList());
        clause(expression, "ADD", adds);
        clause(expression, "DELETE", deletes);
        request.put("UpdateExpression", expression.toString());
        request.put("ConditionExpression", existsAnd(rest, table, text));
        returnValues(request, update.returnValues());
        text.addTo(request);
        return new ItemRequest("UpdateItem", request);
    }

    static ItemRequest delete(Statement.Delete delete, TableDescription table) {
        ExpressionText text = new ExpressionText();
        ObjectNode request = Json.object().put("TableName", delete.tableName());
        List<Term> rest = keyed(delete.where(), table.keySchema(), request);
        Term condition = WhereClause.and(rest);
        if (condition != null) {
            // the rest of the WHERE holds of the item, if there is one: deleting none is no error
            request.put("ConditionExpression", "attribute_not_exists(" + text.name(table.keySchema().hashKey()) + ") OR ("
                    + text.condition(condition) + ")");
        }
        returnValues(request, delete.returnValues());
        text.addTo(request);
        return new ItemRequest("DeleteItem", request);
    }

    /**
     * A transaction's {@code EXISTS(SELECT ...)}: a ConditionCheck that the item its WHERE names by
     * the whole key exists and the rest of the WHERE holds of it; null when there is no rest.
     */
    static ItemRequest conditionCheck(Statement.Exists exists, TableDescription table) {
        Statement.Select select = exists.select();
        ExpressionText text = new ExpressionText();
        ObjectNode request = Json.object().put("TableName", select.tableName());
        List<Term> rest = keyed(select.where(), table.keySchema(), request);
        if (rest.isEmpty()) {
            return null;
        }
        request.put("ConditionExpression", existsAnd(rest, table, text));
        text.addTo(request);
        return new ItemRequest("ConditionCheck", request);
    }

    private static void returnValues(ObjectNode request, String returnValues) {
        if (!returnValues.equals("NONE")) {
            request.put("ReturnValues", returnValues);
        }
    }

    /**
     * {@code set_add(path, <<...>>)} / {@code set_delete(path, <<...>>)}: the set to add or delete,
     * of the attribute the SET assigns; DynamoDB's messages for the other uses.
     */
    private static String setChange(Term.Function function, Term.Path path, ExpressionText text) {
        String name = function.name().toUpperCase(Locale.ROOT);
        if (function.arguments().size() != 2) {
            throw DynamoDbException.validation(name + " must have exactly two arguments at " + function.at());
        }
        if (!function.arguments().get(0).equals(path)) {
            throw DynamoDbException.validation("The first argument to " + name + " must equal the assignment value at " + function.at());
        }
        if (!(function.arguments().get(1) instanceof Term.Literal literal)
                || !List.of("SS", "NS", "BS").contains(literal.value().propertyNames().iterator().next())) {
            throw DynamoDbException.validation("The second argument to " + name + " must be a value with type SET at "
                    + function.firstArgumentAt());
        }
        return text.value(literal);
    }

    private static void clause(StringBuilder expression, String keyword, List<String> actions) {
        if (!actions.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append(keyword).append(' ').append(String.join(", ", actions));
        }
    }

    /** The item must exist (DynamoDB's PartiQL UPDATE and DELETE do not create or ignore), and the rest hold. */
    private static String existsAnd(List<Term> rest, TableDescription table, ExpressionText text) {
        String exists = "attribute_exists(" + text.name(table.keySchema().hashKey()) + ")";
        Term condition = WhereClause.and(rest);
        return condition == null ? exists : exists + " AND (" + text.condition(condition) + ")";
    }

    /** Puts the Key the WHERE clause names into {@code request}; answers the other conjuncts. */
    private static List<Term> keyed(Term where, KeySchema schema, ObjectNode request) {
        WhereClause clause = new WhereClause(where);
        request.set("Key", key(clause, schema));
        List<Term> rest = new ArrayList<>(clause.conjuncts());
        rest.remove(clause.equality(schema.hashKey()));
        if (schema.hasRangeKey()) {
            rest.remove(clause.equality(schema.rangeKey()));
        }
        return rest;
    }

    private static ObjectNode key(WhereClause where, KeySchema schema) {
        ObjectNode key = Json.object();
        for (String attribute : PrimaryKeys.attributeNames(schema)) {
            Term.Comparison equality = where.equality(attribute);
            if (equality == null) {
                throw DynamoDbException.validation("Where clause does not contain a mandatory equality on all key attributes");
            }
            key.set(attribute, WhereClause.literalFor(equality, attribute).value());
        }
        return key;
    }

    private static boolean isSortKeyCondition(Term term, String sortKey) {
        if (term instanceof Term.Comparison comparison) {
            return SORT_KEY_OPERATORS.contains(comparison.operator()) && WhereClause.literalFor(comparison, sortKey) != null;
        }
        if (term instanceof Term.Between between) {
            return WhereClause.isAttribute(between.operand(), sortKey) && between.low() instanceof Term.Literal
                    && between.high() instanceof Term.Literal;
        }
        return term instanceof Term.Function function && function.name().equals("begins_with")
                && function.arguments().size() == 2 && WhereClause.isAttribute(function.arguments().get(0), sortKey)
                && function.arguments().get(1) instanceof Term.Literal;
    }

    /**
     * The attributes a SELECT reads: its paths when all are attributes; else the attributes its
     * paths start from, whole, for {@link SelectedItems} to take each path's value from (a projected
     * list keeps only the elements named, so {@code x[1]} would no longer be at index 1).
     */
    private static void project(Statement.Select select, ExpressionText text, ObjectNode request) {
        if (select.projection().isEmpty()) {
            return;
        }
        List<String> paths = select.projection().stream().allMatch(path -> path.attributeName() != null)
                ? select.projection().stream().map(text::path).toList()
                : select.projection().stream().map(path -> text.name((String) path.steps().get(0))).distinct().toList();
        request.put("ProjectionExpression", String.join(", ", paths));
    }
}
