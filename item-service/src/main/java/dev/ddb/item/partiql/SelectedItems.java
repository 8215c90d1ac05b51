package dev.ddb.item.partiql;

import java.util.List;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The items a SELECT answers. PartiQL answers a nested path's value under its own name
 * ({@code SELECT info.year} answers {@code {"year": ...}}), as DynamoDB does, where a
 * ProjectionExpression keeps it in place ({@code {"info": {"M": {"year": ...}}}}): so a SELECT of
 * nested paths reads the whole attributes they start from, and takes each path's value here.
 */
final class SelectedItems {

    private SelectedItems() {
    }

    static JsonNode of(Statement.Select select, JsonNode item) {
        List<Term.Path> projection = select.projection();
        if (projection.stream().allMatch(path -> path.attributeName() != null)) {
            return item;
        }
        ObjectNode selected = Json.object();
        for (Term.Path path : projection) {
            JsonNode value = valueAt(item, path);
            if (value != null) {
                selected.set(lastName(path), value);
            }
        }
        return selected;
    }

    private static JsonNode valueAt(JsonNode item, Term.Path path) {
        JsonNode value = item.get((String) path.steps().get(0));
        for (Object step : path.steps().subList(1, path.steps().size())) {
            if (value == null) {
                return null;
            }
            value = step instanceof Integer index ? value.path("L").get(index) : value.path("M").get((String) step);
        }
        return value;
    }

    private static String lastName(Term.Path path) {
        for (int i = path.steps().size() - 1; i >= 0; i--) {
            if (path.steps().get(i) instanceof String name) {
                return name;
            }
        }
        throw new IllegalStateException("a path starts with a name");
    }
}
