package dev.ddb.common.table;

/** How a table's reads and writes are billed. */
public enum BillingMode {
    PROVISIONED, PAY_PER_REQUEST
}
