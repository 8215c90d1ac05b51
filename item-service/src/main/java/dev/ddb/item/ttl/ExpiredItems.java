package dev.ddb.item.ttl;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * DynamoDB's rule for an expired item: its TTL attribute is a Number, seconds since the epoch,
 * before now but not more than five years before (older values are taken as not meant as an
 * expiry). Items without the attribute, or with another type, never expire.
 */
public final class ExpiredItems {

    static final Duration OLDEST = Duration.ofDays(5 * 365);

    private ExpiredItems() {
    }

    public static boolean expired(Map<String, AttributeValue> item, String attributeName, long nowMillis) {
        if (item == null || attributeName == null) {
            return false;
        }
        if (!(item.get(attributeName) instanceof AttributeValue.N number)) {
            return false;
        }
        BigDecimal now = BigDecimal.valueOf(nowMillis, 3);
        BigDecimal oldest = BigDecimal.valueOf(nowMillis - OLDEST.toMillis(), 3);
        BigDecimal expiry = number.value();
        return expiry.compareTo(now) < 0 && expiry.compareTo(oldest) >= 0;
    }
}
