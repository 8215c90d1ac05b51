package dev.ddb.gateway.downstream;

import dev.ddb.gateway.routing.DownstreamService;

/** An in-process service is stopped: the request never reached it (the in-process counterpart of a refused connection). */
public class ServiceNotRunningException extends RuntimeException {

    public ServiceNotRunningException(DownstreamService service) {
        super(service.serviceName() + " is not running", null, false, false);
    }
}
