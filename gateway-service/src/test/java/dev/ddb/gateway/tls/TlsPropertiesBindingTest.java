package dev.ddb.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

class TlsPropertiesBindingTest {

    @Test
    void defaultsComeFromGatewayServiceYml() throws IOException {
        Binder binder = binder(Map.of());
        TlsProperties tls = binder.bind("ddb.gateway.tls", TlsProperties.class).get();

        assertThat(tls.enabled()).isTrue();
        assertThat(tls.port()).isEqualTo(8443);
        assertThat(tls.hasKeystore()).isFalse();
        assertThat(tls.keystoreType()).isEqualTo("PKCS12");
        assertThat(tls.certificateDir()).isEqualTo(Path.of("data/gateway-service"));
        assertThat(tls.hostNames()).isEmpty();
        assertThat(binder.bind("ddb.gateway.http", HttpProperties.class).get().enabled()).isTrue();
    }

    @Test
    void environmentVariablesOverrideTheDefaults() throws IOException {
        Binder binder = binder(Map.of(
                "DDB_DATA_DIR", "/data",
                "DDB_GATEWAY_HTTP_ENABLED", "false",
                "DDB_GATEWAY_TLS_PORT", "9443",
                "DDB_GATEWAY_TLS_KEYSTORE", "/etc/ddb/gateway.p12",
                "DDB_GATEWAY_TLS_KEYSTORE_PASSWORD", "s3cret",
                "DDB_GATEWAY_TLS_KEY_ALIAS", "ddb",
                "DDB_GATEWAY_TLS_HOST_NAMES", "gateway-service,ddb.example.com"));
        TlsProperties tls = binder.bind("ddb.gateway.tls", TlsProperties.class).get();

        assertThat(binder.bind("ddb.gateway.http", HttpProperties.class).get().enabled()).isFalse();
        assertThat(tls.port()).isEqualTo(9443);
        assertThat(tls.keystore()).isEqualTo("/etc/ddb/gateway.p12");
        assertThat(tls.keystorePassword()).isEqualTo("s3cret");
        assertThat(tls.keyAlias()).isEqualTo("ddb");
        assertThat(tls.certificateDir()).isEqualTo(Path.of("/data/gateway-service"));
        assertThat(tls.hostNames()).containsExactly("gateway-service", "ddb.example.com");
        assertThat(tls.toString()).doesNotContain("s3cret");
    }

    @Test
    void tlsCanBeSwitchedOff() throws IOException {
        assertThat(binder(Map.of("DDB_GATEWAY_TLS_ENABLED", "false")).bind("ddb.gateway.tls", TlsProperties.class).get().enabled()).isFalse();
    }

    private static Binder binder(Map<String, Object> environmentVariables) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
        List<PropertySource<?>> yaml = new ArrayList<>(
                new YamlPropertySourceLoader().load("gateway-service.yml", new ClassPathResource("gateway-service.yml")));
        yaml.forEach(sources::addLast);
        // placeholders resolved as Spring does, so ${DDB_DATA_DIR:./data} follows DDB_DATA_DIR
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }
}
