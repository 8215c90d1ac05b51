package dev.ddb.common.attribute;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One DynamoDB attribute value: exactly one of S, N, B, BOOL, NULL, L, M, SS, NS, BS.
 * Values are immutable and compare by content; numbers are exact {@link BigDecimal}s in
 * canonical form (trailing zeros stripped) so that 1.50 and 1.5 are the same number.
 */
public sealed interface AttributeValue {

    /** The DynamoDB type descriptor: "S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS". */
    String type();

    record S(String value) implements AttributeValue {
        public String type() {
            return "S";
        }
    }

    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = DynamoNumber.canonical(value);
        }

        public String type() {
            return "N";
        }

        /** The number as DynamoDB writes it on the wire. */
        public String text() {
            return DynamoNumber.format(value);
        }
    }

    record B(byte[] value) implements AttributeValue {
        public String type() {
            return "B";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "B[" + Base64.getEncoder().encodeToString(value) + "]";
        }
    }

    record Bool(boolean value) implements AttributeValue {
        public String type() {
            return "BOOL";
        }
    }

    record Null() implements AttributeValue {
        public String type() {
            return "NULL";
        }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        public String type() {
            return "L";
        }
    }

    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = Items.copyOf(values);
        }

        public String type() {
            return "M";
        }
    }

    /** A string set; members keep the order they arrived in, as DynamoDB's answers look stable to users. */
    record SS(List<String> values) implements AttributeValue {
        public SS {
            values = List.copyOf(values);
        }

        public String type() {
            return "SS";
        }
    }

    record NS(List<BigDecimal> values) implements AttributeValue {
        public NS {
            values = values.stream().map(DynamoNumber::canonical).toList();
        }

        public String type() {
            return "NS";
        }
    }

    record BS(List<byte[]> values) implements AttributeValue {
        public BS {
            values = List.copyOf(values);
        }

        public String type() {
            return "BS";
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof BS other) || other.values.size() != values.size()) {
                return false;
            }
            for (int i = 0; i < values.size(); i++) {
                if (!Arrays.equals(values.get(i), other.values.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (byte[] v : values) {
                h = 31 * h + Arrays.hashCode(v);
            }
            return h;
        }
    }
}
