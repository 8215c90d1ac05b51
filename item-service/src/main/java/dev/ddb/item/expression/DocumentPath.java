package dev.ddb.item.expression;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ddb.common.attribute.AttributeValue;

/**
 * A document path such as {@code a.b[3].c}, with expression attribute names already resolved.
 * It always starts with a top-level attribute name.
 */
public record DocumentPath(List<PathElement> elements) {

    public DocumentPath {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof PathElement.Name)) {
            throw new IllegalArgumentException("a document path starts with an attribute name");
        }
    }

    /** A path to a top-level attribute. */
    public static DocumentPath of(String attributeName) {
        return new DocumentPath(List.of(new PathElement.Name(attributeName)));
    }

    public String topLevelName() {
        return ((PathElement.Name) elements.get(0)).name();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    public int depth() {
        return elements.size();
    }

    public PathElement last() {
        return elements.get(elements.size() - 1);
    }

    /** The path without its last element; only for nested paths. */
    public DocumentPath parent() {
        return new DocumentPath(elements.subList(0, elements.size() - 1));
    }

    /** The value at this path in the item, or null when any step is missing or of the wrong type. */
    public AttributeValue resolve(Map<String, AttributeValue> item) {
        if (item == null) {
            return null;
        }
        AttributeValue current = item.get(topLevelName());
        for (PathElement element : elements.subList(1, elements.size())) {
            current = step(current, element);
        }
        return current;
    }

    static AttributeValue step(AttributeValue container, PathElement element) {
        if (element instanceof PathElement.Name name && container instanceof AttributeValue.M map) {
            return map.values().get(name.name());
        }
        if (element instanceof PathElement.Index index && container instanceof AttributeValue.L list) {
            return index.index() < list.values().size() ? list.values().get(index.index()) : null;
        }
        return null;
    }

    /** The form DynamoDB's overlap and conflict messages use: {@code [a, b, [3]]}. */
    public String describe() {
        return elements.stream().map(PathElement::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(topLevelName());
        for (PathElement element : elements.subList(1, elements.size())) {
            text.append(element instanceof PathElement.Name ? "." + element : element.toString());
        }
        return text.toString();
    }
}
