package dev.ddb.item.expression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * A projection (ProjectionExpression or AttributesToGet): the document paths to return. The
 * result keeps the nesting, so {@code a.b} yields {@code {a: {M: {b: ...}}}} and {@code l[1]}
 * yields {@code {l: {L: [element 1]}}}; paths that are missing in the item are left out.
 */
public record Projection(List<DocumentPath> paths) {

    public Projection {
        paths = List.copyOf(paths);
    }

    /** The top-level attributes the projection reads, e.g. to know whether it touches the key. */
    public List<String> topLevelNames() {
        return paths.stream().map(DocumentPath::topLevelName).distinct().toList();
    }

    public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        if (item == null) {
            return result;
        }
        ProjectionTree tree = ProjectionTree.of(paths);
        tree.names().forEach((name, node) -> {
            AttributeValue kept = node.extract(item.get(name));
            if (kept != null) {
                result.put(name, kept);
            }
        });
        return result;
    }
}
