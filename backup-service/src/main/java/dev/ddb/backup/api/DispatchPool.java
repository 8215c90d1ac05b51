package dev.ddb.backup.api;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.common.protocol.BlockingDispatcher;
import dev.ddb.common.protocol.OperationDispatcher;

/**
 * backup-service's operations and the bounded pool they run on, for its own endpoint and for the
 * gateway's in-process calls. No operation is implemented yet (the backup issue), so every target
 * answers UnknownOperationException rather than pretending.
 */
@Configuration(proxyBeanMethods = false)
class DispatchPool {

    @Bean(destroyMethod = "close")
    BlockingDispatcher blockingDispatcher(@Value("${ddb.dispatch.threads:0}") int threads) {
        return new BlockingDispatcher("backup-service", new OperationDispatcher(Map.of()), threads);
    }
}
