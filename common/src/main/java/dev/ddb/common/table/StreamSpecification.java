package dev.ddb.common.table;

/** A table's StreamSpecification as DescribeTable shows it: only while the stream is enabled. */
public record StreamSpecification(boolean streamEnabled, StreamViewType streamViewType) {

    public static StreamSpecification enabled(StreamViewType viewType) {
        return new StreamSpecification(true, viewType);
    }
}
