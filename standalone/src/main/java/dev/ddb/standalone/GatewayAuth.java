package dev.ddb.standalone;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the gateway authenticates requests: {@code open} (the launcher's default: any well-formed
 * signature, as DynamoDB Local does) or {@code verify} (SigV4 checked against the keys of the
 * principals file), from {@code DDB_AUTH_MODE} and {@code DDB_PRINCIPALS_FILE}.
 */
public record GatewayAuth(String mode, Path principalsFile) {

    public static final GatewayAuth OPEN = new GatewayAuth("open", null);

    public GatewayAuth {
        mode = mode.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("open") && !mode.equals("verify")) {
            throw new IllegalArgumentException("DDB_AUTH_MODE must be open or verify, not '" + mode + "'");
        }
        if (mode.equals("verify") && principalsFile == null) {
            throw new IllegalArgumentException("DDB_AUTH_MODE=verify needs DDB_PRINCIPALS_FILE, the JSON file of "
                    + "principals and their keys (see docs/principals.example.json)");
        }
    }

    public static GatewayAuth verify(Path principalsFile) {
        return new GatewayAuth("verify", principalsFile);
    }

    static GatewayAuth fromEnvironment(Map<String, String> env) {
        String file = env.get("DDB_PRINCIPALS_FILE");
        return new GatewayAuth(env.getOrDefault("DDB_AUTH_MODE", "open"),
                file == null || file.isBlank() ? null : Path.of(file.trim()));
    }

    /** The gateway's properties for this. */
    void addTo(List<String> properties) {
        properties.add("ddb.gateway.auth.mode=" + mode);
        if (principalsFile != null) {
            properties.add("ddb.gateway.auth.principals-file=" + principalsFile.toAbsolutePath().normalize());
        }
    }
}
