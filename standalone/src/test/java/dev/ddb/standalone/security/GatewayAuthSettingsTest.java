package dev.ddb.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.standalone.GatewayAuth;
import dev.ddb.standalone.StackSettings;

/** DDB_AUTH_MODE and DDB_PRINCIPALS_FILE as the launcher reads them. */
class GatewayAuthSettingsTest {

    @Test
    void openByDefault() {
        assertThat(StackSettings.fromEnvironment(Map.of()).auth()).isEqualTo(GatewayAuth.OPEN);
        assertThat(StackSettings.ephemeral(Path.of("data")).auth()).isEqualTo(GatewayAuth.OPEN);
    }

    @Test
    void verifyWithAPrincipalsFile() {
        GatewayAuth auth = StackSettings.fromEnvironment(
                Map.of("DDB_AUTH_MODE", "VERIFY", "DDB_PRINCIPALS_FILE", "/etc/ddb/principals.json")).auth();

        assertThat(auth).isEqualTo(new GatewayAuth("verify", Path.of("/etc/ddb/principals.json")));
    }

    @Test
    void verifyWithoutAPrincipalsFileRefusesToStartSayingWhy() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("DDB_AUTH_MODE", "verify", "DDB_PRINCIPALS_FILE", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DDB_AUTH_MODE=verify needs DDB_PRINCIPALS_FILE, the JSON file of principals and their keys "
                        + "(see docs/principals.example.json)");
    }

    @Test
    void unknownModeIsRefused() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("DDB_AUTH_MODE", "strict")))
                .hasMessage("DDB_AUTH_MODE must be open or verify, not 'strict'");
    }
}
