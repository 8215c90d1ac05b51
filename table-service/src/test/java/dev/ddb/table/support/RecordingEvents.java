package dev.ddb.table.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the Kafka publisher with a {@link RecordingEventPublisher}; imported explicitly, never scanned. */
public class RecordingEvents {

    @Bean
    @Primary
    public RecordingEventPublisher recordingEventPublisher() {
        return new RecordingEventPublisher();
    }
}
