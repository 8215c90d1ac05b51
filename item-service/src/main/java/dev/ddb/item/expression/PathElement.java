package dev.ddb.item.expression;

/** One step of a document path: a map key ({@code a}, {@code #n}) or a list index ({@code [3]}). */
public sealed interface PathElement {

    record Name(String name) implements PathElement {
        @Override
        public String toString() {
            return name;
        }
    }

    record Index(int index) implements PathElement {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }
}
