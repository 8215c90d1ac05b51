package dev.ddb.common.request;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One shape of a service model: a request member's JSON type and its declared constraints (length
 * or value range, pattern, enum), as DynamoDB's own API model declares them, with DynamoDB's
 * reporting order applied. {@link ServiceModel} builds and links the shapes once, at class
 * initialization; the validator only reads them.
 */
public final class Shape {

    /** The model's types. */
    enum Kind { STRUCTURE, LIST, MAP, STRING, BOOLEAN, INTEGER, LONG, DOUBLE, TIMESTAMP, BLOB }

    /**
     * A member of a structure.
     *
     * @param segment  the member's name in a message path: the name with a lower-case first letter
     * @param required whether DynamoDB answers "Member must not be null" when it is missing
     */
    record Member(String name, String segment, Shape shape, boolean required) {
    }

    static final Member[] NO_MEMBERS = new Member[0];

    final String name;
    final Kind kind;
    /** Minimum length (string, list, map) or value (numbers); null when unconstrained. */
    Long min;
    /** Maximum length or value; null when unconstrained. */
    Long max;
    Pattern pattern;
    String patternText;
    /** Allowed values in the order DynamoDB lists them; null when not an enum. */
    List<String> enumValues;
    /** The element shape of a list. */
    Shape member;
    /** The key and value shapes of a map. */
    Shape key;
    Shape value;
    /**
     * For a shape that takes a table name or a table ARN: the shape a value that is not an ARN
     * must satisfy (TableName's pattern and lengths).
     */
    Shape asName;
    /** The members of a structure in the order DynamoDB reports them. */
    Member[] members = NO_MEMBERS;
    /** The members of a structure in the model's declaration order (how a value is shown). */
    Member[] declared = NO_MEMBERS;
    /** The members, in reporting order, that are required or have a constraint somewhere below them. */
    Member[] checked = NO_MEMBERS;
    /** The members of a structure by their JSON name. */
    Map<String, Member> byName = Map.of();
    /** Whether a value of this shape can violate a constraint (its own or one of its parts). */
    boolean constrained;
    /** Whether DynamoDB checks TableName of this input shape first, with messages of its own. */
    boolean tableNameFirst;
    /** The Java type DynamoDB's deserializer names in its messages, e.g. java.lang.String. */
    String javaType;
    /** The enum's values as DynamoDB prints them: [A, B]. */
    String enumText;
    /** The shape's constraints as DynamoDB lists them for map keys and values. */
    String constraintList;

    Shape(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    /** A copy to give one member constraints of its own; lists, maps and scalars only. */
    Shape copy() {
        if (kind == Kind.STRUCTURE) {
            throw new IllegalStateException("Structure " + name + " cannot be given member-specific constraints");
        }
        Shape copy = new Shape(name, kind);
        copy.min = min;
        copy.max = max;
        copy.pattern = pattern;
        copy.patternText = patternText;
        copy.enumValues = enumValues;
        copy.member = member;
        copy.key = key;
        copy.value = value;
        copy.asName = asName;
        return copy;
    }

    public String name() {
        return name;
    }

    boolean hasOwnConstraints() {
        return min != null || max != null || pattern != null || enumValues != null || asName != null;
    }

    boolean isContainer() {
        return kind == Kind.STRUCTURE || kind == Kind.LIST || kind == Kind.MAP;
    }

    /** Whether a number shape (its constraints are values, not lengths). */
    boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.LONG || kind == Kind.DOUBLE;
    }
}
