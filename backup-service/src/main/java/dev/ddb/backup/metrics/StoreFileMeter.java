package dev.ddb.backup.metrics;

import org.springframework.context.annotation.Configuration;

import dev.ddb.common.metrics.StoreFileSize;
import dev.ddb.backup.BackupServiceProperties;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code ddb.store.file.size} of this service's data directory. */
@Configuration(proxyBeanMethods = false)
class StoreFileMeter {

    StoreFileMeter(MeterRegistry registry, BackupServiceProperties properties) {
        StoreFileSize.bind(registry, properties.dataDir());
    }
}
