package dev.ddb.common.table;

import java.time.Instant;

/**
 * A table's BillingModeSummary. DynamoDB shows none for a table created PROVISIONED and never
 * switched; {@code lastUpdateToPayPerRequestDateTime} is null until the table was on demand once.
 */
public record BillingModeSummary(BillingMode billingMode, Instant lastUpdateToPayPerRequestDateTime) {
}
