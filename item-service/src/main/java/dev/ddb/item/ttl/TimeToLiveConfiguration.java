package dev.ddb.item.ttl;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.write.WritePath;

/** The Time to Live sweeper, started with the service and stopped before the store closes. */
@Configuration(proxyBeanMethods = false)
class TimeToLiveConfiguration {

    @Bean(destroyMethod = "close")
    ExpirySweeper expirySweeper(ItemStore store, WritePath writes, TimeToLiveProperties properties) {
        ExpirySweeper sweeper = new ExpirySweeper(store, writes, properties.itemsPerPass(), Clock.systemUTC());
        sweeper.start(properties.interval());
        return sweeper;
    }
}
