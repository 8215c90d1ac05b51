package dev.ddb.item;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.common.encryption.MasterKey;

/**
 * The master key item-service's files are encrypted under: read from {@code ddb.encryption.master-key-file}
 * ({@code DDB_MASTER_KEY_FILE}), else from {@code <data-dir>/master.key}, created on first start.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyConfiguration.class);

    @Bean
    MasterKey masterKey(@Value("${ddb.encryption.master-key-file:}") String file, ItemServiceProperties properties) {
        MasterKey.Loaded loaded = MasterKey.readOrCreate(MasterKey.file(file, properties.dataDir()));
        if (loaded.created()) {
            LOG.warn("Created a new master key in {}: the data is encrypted under it, so keep a copy elsewhere (and for real use keep it outside the data directory, DDB_MASTER_KEY_FILE)",
                    loaded.key().source());
        }
        return loaded.key();
    }
}
