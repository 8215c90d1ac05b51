package dev.ddb.common.region;

import dev.ddb.common.table.TableDescription;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regions: as DynamoDB (and DynamoDB Local without a shared database) does, tables are kept per
 * region, the region of the request's SigV4 signature (its credential scope,
 * {@code <key>/<date>/<region>/<service>/aws4_request}). Inside the suite a table is known by its
 * {@linkplain #tableKey(String, String) table key}: its plain name in the {@linkplain #DEFAULT_REGION
 * default region} (so data written before regions existed belongs to it, unchanged), and
 * {@code <region>/<name>} in any other region (a table name never contains a slash).
 */
public final class Regions {

    /** The region of unsigned requests and of data stored before regions; what every SDK example uses. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** The internal header the gateway forwards the signature's region in. */
    public static final String REGION_HEADER = "X-Ddb-Region";

    private static final Pattern AUTHORIZATION_CREDENTIAL = Pattern.compile("Credential=([^,\\s]+)");
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern ARN_REGION = Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):.*");

    /** The region of each credential seen lately; {@link #NO_REGION} for one that names none. */
    private static final Map<String, String> REGION_BY_CREDENTIAL = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_CREDENTIALS = 4096;
    /** The region of each table ARN seen lately; {@link #NO_REGION} for text that is none. */
    private static final Map<String, String> REGION_BY_ARN = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_ARNS = 4096;
    @SuppressWarnings("StringOperationCanBeSimplified") // compared by identity: no region is this object
    private static final String NO_REGION = new String("");

    private Regions() {
    }

    /** The region of a credential scope {@code key/date/region/service/aws4_request}, or null. */
    public static String fromCredential(String credential) {
        if (credential == null) {
            return null;
        }
        // A client signs every request of a day with the same credential scope.
        String region = REGION_BY_CREDENTIAL.get(credential);
        if (region == null) {
            if (REGION_BY_CREDENTIAL.size() >= MAX_CACHED_CREDENTIALS) {
                REGION_BY_CREDENTIAL.clear();
            }
            region = regionOfCredential(credential);
            REGION_BY_CREDENTIAL.put(credential, region == null ? NO_REGION : region);
        }
        return region == NO_REGION ? null : region;
    }

    private static String regionOfCredential(String credential) {
        String[] parts = credential.split("/");
        if (parts.length != 5) {
            return null;
        }
        String region = parts[2].toLowerCase(Locale.ROOT);
        return REGION.matcher(region).matches() ? region : null;
    }

    /** The region of a SigV4 {@code Authorization} header's credential scope, or null. */
    public static String fromAuthorization(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher matcher = AUTHORIZATION_CREDENTIAL.matcher(authorization);
        return matcher.find() ? fromCredential(matcher.group(1)) : null;
    }

    /**
     * The region of a request to a service: the gateway's {@link #REGION_HEADER}, else the region of
     * the request's own signature, else {@link #DEFAULT_REGION}.
     */
    public static String ofRequest(String regionHeader, String authorization) {
        if (regionHeader != null && REGION.matcher(regionHeader).matches()) {
            return regionHeader;
        }
        String signed = fromAuthorization(authorization);
        return signed != null ? signed : DEFAULT_REGION;
    }

    /** The region of a DynamoDB ARN, or null when the text is none. */
    public static String ofArn(String arn) {
        if (arn == null) {
            return null;
        }
        // Every write asks for its table's region (its table key): a few tables, many writes.
        String region = REGION_BY_ARN.get(arn);
        if (region == null) {
            if (REGION_BY_ARN.size() >= MAX_CACHED_ARNS) {
                REGION_BY_ARN.clear();
            }
            region = regionOfArn(arn);
            REGION_BY_ARN.put(arn, region == null ? NO_REGION : region);
        }
        return region == NO_REGION ? null : region;
    }

    private static String regionOfArn(String arn) {
        Matcher matcher = ARN_REGION.matcher(arn);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The region of a table: that of its ARN; the default region for descriptions stored without one. */
    public static String of(TableDescription table) {
        String region = ofArn(table.tableArn());
        return region != null ? region : DEFAULT_REGION;
    }

    public static boolean isDefault(String region) {
        return region == null || DEFAULT_REGION.equals(region);
    }

    /** How the suite knows a table: its name in the default region, {@code <region>/<name>} elsewhere. */
    public static String tableKey(String region, String tableName) {
        return isDefault(region) ? tableName : region + "/" + tableName;
    }

    public static String tableKey(TableDescription table) {
        return tableKey(of(table), table.tableName());
    }

    /** The region of a {@linkplain #tableKey(String, String) table key}. */
    public static String regionOfKey(String tableKey) {
        int slash = tableKey.indexOf('/');
        return slash < 0 ? DEFAULT_REGION : tableKey.substring(0, slash);
    }

    /** The table name of a {@linkplain #tableKey(String, String) table key}. */
    public static String nameOfKey(String tableKey) {
        return tableKey.substring(tableKey.indexOf('/') + 1);
    }
}
