package dev.ddb.table.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the HTTP provisioner with a {@link RecordingProvisioner}. Deliberately not annotated
 * as a configuration: a component scan must not pick it up, only an explicit import or source.
 */
public class FakeItemService {

    @Bean
    @Primary
    public RecordingProvisioner recordingProvisioner() {
        return new RecordingProvisioner();
    }
}
