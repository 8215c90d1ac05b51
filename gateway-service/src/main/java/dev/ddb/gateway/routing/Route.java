package dev.ddb.gateway.routing;

/**
 * Where one operation goes.
 *
 * @param operation the operation name, e.g. "GetItem"
 * @param service   the service that owns it
 * @param readOnly  true when repeating the call cannot change anything, so it may be retried
 */
public record Route(String operation, DownstreamService service, boolean readOnly) {
}
