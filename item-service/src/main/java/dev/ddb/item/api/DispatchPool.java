package dev.ddb.item.api;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.BlockingDispatcher;
import dev.ddb.common.metrics.CloudWatchMeters;
import dev.ddb.common.protocol.OperationDispatcher;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The bounded pool item-service's operations run on, for its own endpoint and for the gateway's
 * in-process calls; {@code ddb.dispatch.threads} sizes it (0: {@link BlockingDispatcher#DEFAULT_THREADS}).
 * The operations {@code ddb.dispatch.inline-operations} names (default GetItem, an empty value for
 * none) run on the thread that read the request instead: GetItem never waits for anything but an
 * MVStore page, which is in memory unless the items outgrow MVStore's cache (then the page comes
 * from the operating system's file cache, or in the worst case the disk, with the event loop waiting).
 */
@Configuration(proxyBeanMethods = false)
class DispatchPool {

    @Bean(destroyMethod = "close")
    BlockingDispatcher blockingDispatcher(OperationDispatcher dispatcher, @Value("${ddb.dispatch.threads:0}") int threads,
                                          MeterRegistry meters, @Value("${management.metrics.enable.dynamodb:true}") boolean metered,
                                          @Value("${ddb.dispatch.inline-operations:GetItem}") List<String> inlineOperations) {
        Set<String> inlineTargets = inlineOperations.stream()
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> AwsJsonProtocol.DYNAMODB_PREFIX + name)
                .collect(Collectors.toSet());
        return new BlockingDispatcher("item-service", CloudWatchMeters.observe(dispatcher, meters, metered), threads, inlineTargets);
    }
}
