package dev.ddb.stream.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.common.protocol.BlockingDispatcher;
import dev.ddb.common.metrics.CloudWatchMeters;
import dev.ddb.common.protocol.OperationDispatcher;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The bounded pool stream-service's operations run on, for its own endpoint and for the gateway's
 * in-process calls; {@code ddb.dispatch.threads} sizes it (0: {@link BlockingDispatcher#DEFAULT_THREADS}).
 */
@Configuration(proxyBeanMethods = false)
class DispatchPool {

    @Bean(destroyMethod = "close")
    BlockingDispatcher blockingDispatcher(OperationDispatcher dispatcher, @Value("${ddb.dispatch.threads:0}") int threads,
                                          MeterRegistry meters, @Value("${management.metrics.enable.dynamodb:true}") boolean metered) {
        return new BlockingDispatcher("stream-service", CloudWatchMeters.observe(dispatcher, meters, metered), threads);
    }
}
