package dev.ddb.gateway.api;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.Response;

/** Writes a {@link Response} with the headers DynamoDB always sends; the SDKs verify {@code x-amz-crc32}. */
final class WireResponses {

    static final MediaType AMZ_JSON = MediaType.parseMediaType(AwsJsonProtocol.CONTENT_TYPE);

    private WireResponses() {
    }

    static Mono<ServerResponse> render(Response response, MediaType contentType) {
        return ServerResponse.status(response.status())
                .header(AwsJsonProtocol.REQUEST_ID_HEADER, response.requestId())
                .header(AwsJsonProtocol.CRC32_HEADER, response.crc32())
                .contentType(contentType)
                .bodyValue(response.body());
    }

    static Mono<ServerResponse> render(Response response) {
        return render(response, AMZ_JSON);
    }
}
