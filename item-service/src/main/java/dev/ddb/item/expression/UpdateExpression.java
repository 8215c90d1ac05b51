package dev.ddb.item.expression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * A parsed update: its actions, in the order written. Paths never overlap (the parser checks),
 * so the actions are independent of each other.
 */
public record UpdateExpression(List<UpdateAction> actions) {

    /** List indexes in ascending order, so appends past the end land in index order. */
    private static final Comparator<DocumentPath> PATH_ORDER = UpdateExpression::comparePaths;

    public UpdateExpression {
        actions = List.copyOf(actions);
    }

    /**
     * Whether the update only takes attributes away (REMOVE, DELETE from a set, a legacy DELETE):
     * DynamoDB creates no item for such an update of a missing item. An update without actions
     * still creates one.
     */
    public boolean onlyRemoves() {
        return !actions.isEmpty()
                && actions.stream().allMatch(action -> action instanceof RemoveAction || action instanceof DeleteAction);
    }

    /** The paths the update writes, for ReturnValues UPDATED_OLD / UPDATED_NEW. */
    public List<DocumentPath> paths() {
        return actions.stream().map(UpdateAction::path).toList();
    }

    /**
     * The item after the update, as a new map (the input is not changed). A null input means the
     * item does not exist yet. Every operand reads the item as it was before the update, and list
     * indexes refer to the positions before the update: writes go first, then removals from the
     * highest index down.
     */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> before = item == null ? Map.of() : item;
        List<Write> puts = new ArrayList<>();
        List<Write> removals = new ArrayList<>();
        for (UpdateAction action : actions) {
            AttributeValue value = action.newValue(before);
            (value == null ? removals : puts).add(new Write(action.path(), value));
        }
        puts.sort(Comparator.comparing(Write::path, PATH_ORDER));
        removals.sort(Comparator.comparing(Write::path, PATH_ORDER).reversed());

        Map<String, AttributeValue> after = before;
        for (Write put : puts) {
            after = DocumentWriter.put(after, put.path(), put.value());
        }
        for (Write removal : removals) {
            after = DocumentWriter.remove(after, item != null, removal.path());
        }
        return after == before ? new LinkedHashMap<>(before) : after;
    }

    private record Write(DocumentPath path, AttributeValue value) {
    }

    private static int comparePaths(DocumentPath a, DocumentPath b) {
        int common = Math.min(a.depth(), b.depth());
        for (int i = 0; i < common; i++) {
            PathElement x = a.elements().get(i);
            PathElement y = b.elements().get(i);
            int order = compareElements(x, y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.depth(), b.depth());
    }

    /** A total order; only the order of indexes in one list matters, names sort just to be total. */
    private static int compareElements(PathElement x, PathElement y) {
        if (x instanceof PathElement.Index xi && y instanceof PathElement.Index yi) {
            return Integer.compare(xi.index(), yi.index());
        }
        if (x instanceof PathElement.Name xn && y instanceof PathElement.Name yn) {
            return xn.name().compareTo(yn.name());
        }
        return x instanceof PathElement.Name ? -1 : 1;
    }
}
