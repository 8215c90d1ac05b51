package dev.ddb.standalone.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class BrokerShutdownNoiseTest {

    private final LoggerContext context = new LoggerContext();
    private final BrokerShutdownNoise filter = new BrokerShutdownNoise();

    @Test
    void dropsTheDoubleCloseWarningOfTheBrokersControllerChannel() {
        assertThat(filter.decide(warning(BrokerShutdownNoise.LOGGER, "[NodeToControllerChannelManager id=1 name=registration]"
                + " Attempting to close NetworkClient that has already been closed."))).isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsEveryOtherWarning() {
        assertThat(filter.decide(warning(BrokerShutdownNoise.LOGGER, "[Producer clientId=item-service] Connection to node 1"
                + " (localhost/127.0.0.1:9092) could not be established. Node may not be available."))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(warning("dev.ddb.Other", "Attempting to close NetworkClient that has already been closed")))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    private LoggingEvent warning(String logger, String message) {
        return new LoggingEvent(getClass().getName(), context.getLogger(logger), Level.WARN, message, null, null);
    }
}
