package dev.ddb.common.protocol;

import dev.ddb.common.region.Regions;

/**
 * What an operation knows of its request besides the body: the region it was signed for, which
 * scopes the tables it sees (see {@link Regions}).
 */
public record RequestContext(String region) {

    /** A request in the default region. */
    public static final RequestContext DEFAULT = new RequestContext(Regions.DEFAULT_REGION);

    public RequestContext {
        region = region == null ? Regions.DEFAULT_REGION : region;
    }

    public static RequestContext of(String region) {
        return Regions.isDefault(region) ? DEFAULT : new RequestContext(region);
    }

    /** The request's region from the gateway's header, else from the request's own signature, else the default. */
    public static RequestContext ofHeaders(String regionHeader, String authorization) {
        return of(Regions.ofRequest(regionHeader, authorization));
    }

    /** How the suite knows the table of this region named {@code tableName}. */
    public String tableKey(String tableName) {
        return Regions.tableKey(region, tableName);
    }

    public boolean defaultRegion() {
        return Regions.isDefault(region);
    }
}
