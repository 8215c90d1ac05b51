package dev.ddb.gateway.auth;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code ddb.gateway.auth} (defaults in gateway-service.yml, which reads
 * {@code DDB_AUTH_MODE} and {@code DDB_PRINCIPALS_FILE}).
 *
 * @param mode           {@code open} (any well-formed signature) or {@code verify} (signatures checked)
 * @param principalsFile the JSON file of principals, their keys and policies; required in {@code verify} mode
 */
@ConfigurationProperties("ddb.gateway.auth")
public record AuthProperties(AuthMode mode, Path principalsFile) {

    public AuthProperties {
        if (mode == null) {
            mode = AuthMode.OPEN;
        }
        if (principalsFile != null && principalsFile.toString().isBlank()) {
            principalsFile = null;
        }
        if (mode == AuthMode.VERIFY && principalsFile == null) {
            throw new IllegalStateException("ddb.gateway.auth.mode=verify (DDB_AUTH_MODE=verify) needs a principals file: "
                    + "set ddb.gateway.auth.principals-file (DDB_PRINCIPALS_FILE) to the JSON file of principals and "
                    + "their keys (see docs/principals.example.json)");
        }
    }

    /** Open mode, no file: what a gateway without settings does. */
    public static AuthProperties open() {
        return new AuthProperties(AuthMode.OPEN, null);
    }
}
