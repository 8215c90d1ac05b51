package dev.ddb.gateway.api;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.gateway.GatewayProperties;

/**
 * Reads a request body as the exact bytes the client sent, so they can be forwarded unchanged.
 * Joins raw buffers up to {@code ddb.gateway.max-request-size} rather than using the codecs,
 * whose 256 KB default would reject large BatchWriteItem requests.
 */
@Component
class RequestBodies {

    private static final byte[] EMPTY = new byte[0];

    private final int maxBytes;

    RequestBodies(GatewayProperties properties) {
        this.maxBytes = (int) properties.maxRequestSize().toBytes();
    }

    Mono<byte[]> read(ServerRequest request) {
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .map(RequestBodies::toBytes)
                .defaultIfEmpty(EMPTY)
                .onErrorMap(DataBufferLimitException.class, e -> DynamoDbException.validation(
                        "Request size exceeds the maximum allowed size of " + maxBytes + " bytes"));
    }

    private static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
