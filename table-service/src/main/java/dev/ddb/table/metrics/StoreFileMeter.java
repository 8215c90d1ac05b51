package dev.ddb.table.metrics;

import org.springframework.context.annotation.Configuration;

import dev.ddb.common.metrics.StoreFileSize;
import dev.ddb.table.TableServiceProperties;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code ddb.store.file.size} of this service's data directory. */
@Configuration(proxyBeanMethods = false)
class StoreFileMeter {

    StoreFileMeter(MeterRegistry registry, TableServiceProperties properties) {
        StoreFileSize.bind(registry, properties.dataDir());
    }
}
