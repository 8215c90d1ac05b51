package dev.ddb.item.storage;

/** What DescribeTable reports of an index's size: its entries and their bytes. */
public record IndexStatistics(long itemCount, long sizeBytes) {
}
