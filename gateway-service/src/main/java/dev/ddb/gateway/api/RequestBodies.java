package dev.ddb.gateway.api;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

import dev.ddb.gateway.GatewayProperties;

/**
 * Reads a request body as the exact bytes the client sent, so they can be forwarded unchanged.
 * Joins raw buffers up to {@code ddb.gateway.max-request-size} rather than using the codecs,
 * whose 256 KB default would reject large BatchWriteItem requests. A larger body is refused with
 * 413 as DynamoDB does: at once when its Content-Length says so, otherwise (chunked) as soon as
 * the limit is passed, so no more than the limit is ever held in memory.
 */
@Component
class RequestBodies {

    private static final byte[] EMPTY = new byte[0];

    private final long maxBytes;

    RequestBodies(GatewayProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    Mono<byte[]> read(ServerRequest request) {
        if (request.headers().contentLength().orElse(-1) > maxBytes) {
            return Mono.error(EndpointErrors.requestEntityTooLarge(maxBytes));
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), (int) maxBytes)
                .map(RequestBodies::toBytes)
                .defaultIfEmpty(EMPTY)
                .onErrorMap(DataBufferLimitException.class, e -> EndpointErrors.requestEntityTooLarge(maxBytes));
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
