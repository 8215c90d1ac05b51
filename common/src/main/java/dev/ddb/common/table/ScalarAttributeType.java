package dev.ddb.common.table;

/** The types a key attribute may have. */
public enum ScalarAttributeType {
    S, N, B;

    /** Null when the text names no key type. */
    public static ScalarAttributeType parse(String text) {
        for (ScalarAttributeType t : values()) {
            if (t.name().equals(text)) {
                return t;
            }
        }
        return null;
    }
}
