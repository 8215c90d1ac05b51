package dev.ddb.item.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;

/** Short ways to write attribute values, items and expected errors in tests. */
public final class Values {

    private Values() {
    }

    public static AttributeValue s(String value) {
        return new AttributeValue.S(value);
    }

    public static AttributeValue n(String value) {
        return new AttributeValue.N(new BigDecimal(value));
    }

    public static AttributeValue b(String utf8) {
        return new AttributeValue.B(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public static AttributeValue bool(boolean value) {
        return new AttributeValue.Bool(value);
    }

    public static AttributeValue nul() {
        return new AttributeValue.Null();
    }

    public static AttributeValue l(AttributeValue... values) {
        return new AttributeValue.L(List.of(values));
    }

    public static AttributeValue m(Object... namesAndValues) {
        return new AttributeValue.M(item(namesAndValues));
    }

    public static AttributeValue ss(String... values) {
        return new AttributeValue.SS(List.of(values));
    }

    public static AttributeValue ns(String... values) {
        return new AttributeValue.NS(Arrays.stream(values).map(BigDecimal::new).toList());
    }

    public static AttributeValue bs(String... utf8) {
        return new AttributeValue.BS(Arrays.stream(utf8).map(v -> v.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** An item from alternating names and values. */
    public static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }

    /** ExpressionAttributeValues from alternating :names and values, without names. */
    public static ExpressionAttributes values(Object... referencesAndValues) {
        return new ExpressionAttributes(null, referencesAndValues.length == 0 ? null : item(referencesAndValues));
    }

    public static ExpressionAttributes names(String... referencesAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < referencesAndNames.length; i += 2) {
            names.put(referencesAndNames[i], referencesAndNames[i + 1]);
        }
        return new ExpressionAttributes(names, null);
    }

    /** The message of the ValidationException the call must throw. */
    public static String validationError(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(DynamoDbException.class);
        assertThat(((DynamoDbException) thrown).code()).isEqualTo("ValidationException");
        return thrown.getMessage();
    }
}
