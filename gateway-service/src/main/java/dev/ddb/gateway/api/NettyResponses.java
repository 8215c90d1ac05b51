package dev.ddb.gateway.api;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.Response;

/** A {@link Response} as Netty writes it, with the headers DynamoDB always sends; the SDKs verify {@code x-amz-crc32}. */
final class NettyResponses {

    private NettyResponses() {
    }

    static FullHttpResponse toHttp(Response response, boolean keepAlive) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        http.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length)
                .set(AwsJsonProtocol.REQUEST_ID_HEADER, response.requestId())
                .set(AwsJsonProtocol.CRC32_HEADER, response.crc32());
        if (!keepAlive) {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return http;
    }
}
