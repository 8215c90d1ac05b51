package dev.ddb.item.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.ddb.common.attribute.AttributeValue;

/** The projected paths merged into a tree, so several paths into one document share its copy. */
final class ProjectionTree {

    private final Map<String, ProjectionTree> names = new LinkedHashMap<>();
    private final TreeMap<Integer, ProjectionTree> indexes = new TreeMap<>();
    private boolean whole;

    static ProjectionTree of(List<DocumentPath> paths) {
        ProjectionTree root = new ProjectionTree();
        for (DocumentPath path : paths) {
            ProjectionTree node = root;
            for (PathElement element : path.elements()) {
                node = element instanceof PathElement.Name name
                        ? node.names.computeIfAbsent(name.name(), n -> new ProjectionTree())
                        : node.indexes.computeIfAbsent(((PathElement.Index) element).index(), i -> new ProjectionTree());
            }
            node.whole = true;
        }
        return root;
    }

    Map<String, ProjectionTree> names() {
        return names;
    }

    /** The part of the value this node selects, or null when none of it exists. */
    AttributeValue extract(AttributeValue value) {
        if (value == null || whole) {
            return value;
        }
        if (value instanceof AttributeValue.M map && !names.isEmpty()) {
            Map<String, AttributeValue> kept = new LinkedHashMap<>();
            names.forEach((name, node) -> {
                AttributeValue child = node.extract(map.values().get(name));
                if (child != null) {
                    kept.put(name, child);
                }
            });
            return kept.isEmpty() ? null : new AttributeValue.M(kept);
        }
        if (value instanceof AttributeValue.L list && !indexes.isEmpty()) {
            List<AttributeValue> kept = new ArrayList<>();
            indexes.forEach((index, node) -> {
                AttributeValue child = index < list.values().size() ? node.extract(list.values().get(index)) : null;
                if (child != null) {
                    kept.add(child);
                }
            });
            return kept.isEmpty() ? null : new AttributeValue.L(kept);
        }
        return null;
    }
}
