package dev.ddb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import dev.ddb.gateway.routing.DownstreamService;

class GatewayPropertiesBindingTest {

    @Test
    void defaultsComeFromGatewayServiceYml() throws IOException {
        GatewayProperties properties = bind(Map.of());

        assertThat(properties.urlOf(DownstreamService.TABLE)).isEqualTo("http://localhost:8101");
        assertThat(properties.urlOf(DownstreamService.ITEM)).isEqualTo("http://localhost:8102");
        assertThat(properties.urlOf(DownstreamService.STREAM)).isEqualTo("http://localhost:8103");
        assertThat(properties.urlOf(DownstreamService.BACKUP)).isEqualTo("http://localhost:8104");
        assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.circuitBreaker().slidingWindowSize()).isEqualTo(20);
        assertThat(properties.circuitBreaker().failureRateThreshold()).isEqualTo(50f);
        assertThat(properties.circuitBreaker().waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void environmentVariablesOverrideTheDefaults() throws IOException {
        GatewayProperties properties = bind(Map.of(
                "DDB_GATEWAY_ITEM_SERVICE_URL", "http://item-service:8102/",
                "DDB_GATEWAY_REQUEST_TIMEOUT", "3s"));

        assertThat(properties.urlOf(DownstreamService.ITEM)).isEqualTo("http://item-service:8102");
        assertThat(properties.urlOf(DownstreamService.TABLE)).isEqualTo("http://localhost:8101");
        assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    private static GatewayProperties bind(Map<String, Object> environmentVariables) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
        List<PropertySource<?>> yaml = new ArrayList<>(
                new YamlPropertySourceLoader().load("gateway-service.yml", new ClassPathResource("gateway-service.yml")));
        yaml.forEach(sources::addLast);
        return new Binder(ConfigurationPropertySources.from(sources)).bind("ddb.gateway", GatewayProperties.class).get();
    }
}
