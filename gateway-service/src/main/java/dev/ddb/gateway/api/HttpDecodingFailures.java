package dev.ddb.gateway.api;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.OperationDispatcher;

/**
 * Requests Netty cannot decode never reach Spring: a request line over
 * {@code server.netty.max-initial-line-length} (414), headers over
 * {@code server.max-http-request-header-size} (431), malformed HTTP or a URI with a malformed
 * percent escape (400). Reactor Netty answers them with an empty body; this handler, placed right
 * after the HTTP codec, answers first with a DynamoDB-shaped error and closes the connection, as
 * Reactor Netty would.
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

    /**
     * Whether the URI has a "%" that two hex digits do not follow: Reactor Netty cannot decode such a
     * path or query and answers 400 with an empty body.
     */
    static boolean hasMalformedEscape(String uri) {
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
            if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0 || Character.digit(uri.charAt(i + 2), 16) < 0) {
                return true;
            }
        }
        return false;
    }

    @ChannelHandler.Sharable
    private static final class Responder extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!(message instanceof HttpRequest request)
                    || request.decoderResult().isSuccess() && !hasMalformedEscape(request.uri())) {
                context.fireChannelRead(message);
                return;
            }
            Throwable cause = request.decoderResult().cause(); // null for a malformed escape
            ReferenceCountUtil.release(message);
            context.writeAndFlush(NettyResponses.toHttp(OperationDispatcher.error(errorFor(cause)), false)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
