package dev.ddb.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class AuthPropertiesBindingTest {

    @Test
    void openWithoutAFileByDefault() throws IOException {
        AuthProperties properties = bind(Map.of());

        assertThat(properties.mode()).isEqualTo(AuthMode.OPEN);
        assertThat(properties.principalsFile()).isNull();
    }

    @Test
    void environmentVariablesChooseVerifyAndTheFile() throws IOException {
        AuthProperties properties = bind(Map.of("DDB_AUTH_MODE", "verify", "DDB_PRINCIPALS_FILE", "/etc/ddb/principals.json"));

        assertThat(properties.mode()).isEqualTo(AuthMode.VERIFY);
        assertThat(properties.principalsFile()).isEqualTo(Path.of("/etc/ddb/principals.json"));
    }

    @Test
    void verifyWithoutAFileRefusesToStart() {
        assertThatThrownBy(() -> bind(Map.of("DDB_AUTH_MODE", "verify")))
                .rootCause()
                .hasMessageStartingWith("ddb.gateway.auth.mode=verify (DDB_AUTH_MODE=verify) needs a principals file");
    }

    private static AuthProperties bind(Map<String, Object> environmentVariables) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
        List<PropertySource<?>> yaml = new ArrayList<>(
                new YamlPropertySourceLoader().load("gateway-service.yml", new ClassPathResource("gateway-service.yml")));
        yaml.forEach(sources::addLast);
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bind("ddb.gateway.auth", AuthProperties.class).get();
    }
}
