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
 * The operations {@code ddb.dispatch.inline-operations} names (default GetItem, PutItem, UpdateItem,
 * DeleteItem; an empty value for none) run on the thread that read the request instead. They never
 * wait for anything but an MVStore page (in memory unless the items outgrow MVStore's cache: then
 * the operating system's file cache, or at worst the disk) and, for a write, its item's lock and
 * the store's locks, which are held only while changes are applied in memory (a checkpoint, about
 * once a second, holds them while MVStore writes its pages). A write's wait for its group commit
 * does not block that thread: the answer goes out once the commit is on disk.
 */
@Configuration(proxyBeanMethods = false)
class DispatchPool {

    @Bean(destroyMethod = "close")
    BlockingDispatcher blockingDispatcher(OperationDispatcher dispatcher, @Value("${ddb.dispatch.threads:0}") int threads,
                                          MeterRegistry meters, @Value("${management.metrics.enable.dynamodb:true}") boolean metered,
                                          @Value("${ddb.dispatch.inline-operations:GetItem,PutItem,UpdateItem,DeleteItem}") List<String> inlineOperations) {
        Set<String> inlineTargets = inlineOperations.stream()
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> AwsJsonProtocol.DYNAMODB_PREFIX + name)
                .collect(Collectors.toSet());
        return new BlockingDispatcher("item-service", CloudWatchMeters.observe(dispatcher, meters, metered), threads, inlineTargets);
    }
}
