package dev.ddb.standalone.kafka;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the one warning the embedded broker logs on every clean stop: its controller channel
 * closes its NetworkClient twice ("Attempting to close NetworkClient that has already been
 * closed"), which is harmless and in Kafka's own code. Every other warning of the Kafka clients,
 * such as a broker that cannot be reached, still shows.
 */
public final class BrokerShutdownNoise extends Filter<ILoggingEvent> {

    static final String LOGGER = "org.apache.kafka.clients.NetworkClient";
    static final String MESSAGE = "Attempting to close NetworkClient that has already been closed";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (LOGGER.equals(event.getLoggerName()) && event.getMessage() != null && event.getMessage().contains(MESSAGE)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
