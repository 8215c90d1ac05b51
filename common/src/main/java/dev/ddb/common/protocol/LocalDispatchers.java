package dev.ddb.common.protocol;

/**
 * The services running in this JVM, as the standalone launcher gives them to the gateway: the
 * gateway then hands each request to the owning service's dispatcher directly, with no second HTTP
 * hop, no re-parse and no copy of the body.
 */
@FunctionalInterface
public interface LocalDispatchers {

    /**
     * @param serviceName e.g. "item-service"
     * @return its dispatcher, or null while the service is stopped (the gateway treats that as an outage)
     */
    BlockingDispatcher running(String serviceName);
}
