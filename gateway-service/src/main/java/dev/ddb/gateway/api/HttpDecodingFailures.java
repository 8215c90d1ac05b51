package dev.ddb.gateway.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.common.protocol.Response;

/**
 * Requests Netty cannot decode never reach Spring: a request line over
 * {@code server.netty.max-initial-line-length} (414), headers over
 * {@code server.max-http-request-header-size} (431), malformed HTTP (400). Reactor Netty answers
 * them with an empty body; this handler, placed right after the HTTP codec, answers first with a
 * DynamoDB-shaped error and closes the connection, as Reactor Netty would.
 */
@Configuration(proxyBeanMethods = false)
class HttpDecodingFailures {

    private static final String HANDLER_NAME = "ddb.httpDecodingFailures";

    @Bean
    NettyServerCustomizer dynamoDbShapedDecodingFailures() {
        ChannelHandler responder = new Responder();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, responder);
            }
        });
    }

    /** The error for a request the codec could not decode. */
    private static DynamoDbException errorFor(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return EndpointErrors.requestUriTooLong();
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return EndpointErrors.requestHeaderFieldsTooLarge();
        }
        return EndpointErrors.badHttpRequest();
    }

    @ChannelHandler.Sharable
    private static final class Responder extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!(message instanceof HttpRequest request) || request.decoderResult().isSuccess()) {
                context.fireChannelRead(message);
                return;
            }
            Throwable cause = request.decoderResult().cause();
            ReferenceCountUtil.release(message);
            context.writeAndFlush(toHttp(OperationDispatcher.error(errorFor(cause)))).addListener(ChannelFutureListener.CLOSE);
        }

        private static FullHttpResponse toHttp(Response response) {
            FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
            http.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length)
                    .set(AwsJsonProtocol.REQUEST_ID_HEADER, response.requestId())
                    .set(AwsJsonProtocol.CRC32_HEADER, response.crc32())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return http;
        }
    }
}
