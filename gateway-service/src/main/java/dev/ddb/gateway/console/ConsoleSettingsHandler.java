package dev.ddb.gateway.console;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import dev.ddb.common.region.Regions;
import dev.ddb.gateway.auth.AuthMode;
import dev.ddb.gateway.auth.AuthProperties;

/**
 * {@code GET /console/api/settings}: what the console must know before its first call: whether it
 * signs with fixed local keys ({@code open}) or asks for the user's ({@code verify}), and the region
 * whose tables the live stream view reads. No secret is in it.
 */
@Component
class ConsoleSettingsHandler {

    private final AuthMode mode;

    ConsoleSettingsHandler(AuthProperties auth) {
        this.mode = auth.mode();
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        return ServerResponse.ok().bodyValue(Map.of(
                "authMode", mode.name().toLowerCase(),
                "region", Regions.DEFAULT_REGION,
                "liveStream", mode == AuthMode.OPEN));
    }
}
