package dev.ddb.stream.kinesis;

/** Creates the topic of a destination's stream (as a Kinesis stream exists before a table replicates to it). */
public interface KinesisTopics {

    /** Creates the topic unless it exists. */
    void prepareTopic(String topic);
}
