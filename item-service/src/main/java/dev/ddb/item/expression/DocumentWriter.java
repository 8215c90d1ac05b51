package dev.ddb.item.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * Writes and removes values at document paths, copying only the maps and lists along the path
 * so the input item is never changed.
 */
final class DocumentWriter {

    private DocumentWriter() {
    }

    /** Puts the value at the path; a nested path's parent must exist, a list index past the end appends. */
    static Map<String, AttributeValue> put(Map<String, AttributeValue> item, DocumentPath path, AttributeValue value) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
        String top = path.topLevelName();
        if (path.isTopLevel()) {
            copy.put(top, value);
            return copy;
        }
        AttributeValue existing = item.get(top);
        if (existing == null) {
            throw UpdateErrors.invalidPath();
        }
        copy.put(top, putInto(existing, rest(path), value));
        return copy;
    }

    private static AttributeValue putInto(AttributeValue container, List<PathElement> path, AttributeValue value) {
        PathElement head = path.get(0);
        boolean last = path.size() == 1;
        if (head instanceof PathElement.Name name && container instanceof AttributeValue.M map) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(map.values());
            AttributeValue child = map.values().get(name.name());
            if (!last && child == null) {
                throw UpdateErrors.invalidPath();
            }
            copy.put(name.name(), last ? value : putInto(child, path.subList(1, path.size()), value));
            return new AttributeValue.M(copy);
        }
        if (head instanceof PathElement.Index index && container instanceof AttributeValue.L list) {
            List<AttributeValue> copy = new ArrayList<>(list.values());
            int i = index.index();
            if (i >= copy.size()) {
                if (!last) {
                    throw UpdateErrors.invalidPath();
                }
                copy.add(value);
            } else {
                copy.set(i, last ? value : putInto(copy.get(i), path.subList(1, path.size()), value));
            }
            return new AttributeValue.L(copy);
        }
        throw UpdateErrors.invalidPath();
    }

    /**
     * Removes the path. A missing last step is no error, but a missing or mistyped parent is,
     * except when there is no item at all (DynamoDB then ignores the removal).
     */
    static Map<String, AttributeValue> remove(Map<String, AttributeValue> item, boolean itemExists, DocumentPath path) {
        String top = path.topLevelName();
        AttributeValue existing = item.get(top);
        if (path.isTopLevel() || (existing == null && !itemExists)) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
            copy.remove(top);
            return copy;
        }
        if (existing == null) {
            throw UpdateErrors.invalidPath();
        }
        Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
        copy.put(top, removeFrom(existing, rest(path)));
        return copy;
    }

    private static AttributeValue removeFrom(AttributeValue container, List<PathElement> path) {
        PathElement head = path.get(0);
        boolean last = path.size() == 1;
        if (head instanceof PathElement.Name name && container instanceof AttributeValue.M map) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(map.values());
            AttributeValue child = map.values().get(name.name());
            if (last) {
                copy.remove(name.name());
            } else if (child == null) {
                throw UpdateErrors.invalidPath();
            } else {
                copy.put(name.name(), removeFrom(child, path.subList(1, path.size())));
            }
            return new AttributeValue.M(copy);
        }
        if (head instanceof PathElement.Index index && container instanceof AttributeValue.L list) {
            List<AttributeValue> copy = new ArrayList<>(list.values());
            int i = index.index();
            if (i >= copy.size()) {
                if (!last) {
                    throw UpdateErrors.invalidPath();
                }
                return container;
            }
            if (last) {
                copy.remove(i);
            } else {
                copy.set(i, removeFrom(copy.get(i), path.subList(1, path.size())));
            }
            return new AttributeValue.L(copy);
        }
        throw UpdateErrors.invalidPath();
    }

    private static List<PathElement> rest(DocumentPath path) {
        return path.elements().subList(1, path.depth());
    }
}
