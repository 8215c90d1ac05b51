package dev.ddb.item.expression;

/** The comparators of condition expressions, with the symbols DynamoDB writes in its messages. */
public enum Comparator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Comparator ofSymbol(String symbol) {
        for (Comparator comparator : values()) {
            if (comparator.symbol.equals(symbol)) {
                return comparator;
            }
        }
        throw new IllegalArgumentException("no comparator " + symbol);
    }

    /** The comparator that keeps the meaning when the operands swap sides ({@code :v < a} is {@code a > :v}). */
    public Comparator mirrored() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }
}
