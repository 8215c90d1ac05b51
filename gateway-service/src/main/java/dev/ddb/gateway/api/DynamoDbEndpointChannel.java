package dev.ddb.gateway.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import reactor.netty.NettyPipeline;

import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.common.protocol.Response;
import dev.ddb.gateway.GatewayProperties;
import dev.ddb.gateway.auth.ReceivedRequest;

/**
 * The DynamoDB endpoint, {@code POST /}, served straight from the Netty pipeline: the handler sits
 * right after the HTTP codec, joins the body and writes {@link DynamoDbRequestHandler}'s answer
 * itself. Every request pays for this path, and WebFlux's request and response machinery
 * (adapters, routing, observation, codecs) cost more CPU than the operation itself; WebFlux keeps
 * every other method and path ({@code GET /}, actuator, DynamoDB's 404 for anything else).
 *
 * <p>A body over {@code ddb.gateway.max-request-size} is refused with 413 as DynamoDB does: at once
 * when its Content-Length says so, otherwise as soon as the limit is passed; the rest of the body
 * is read and dropped and the connection closes, so no more than the limit is ever held in memory.
 */
@Configuration(proxyBeanMethods = false)
class DynamoDbEndpointChannel {

    private static final String HANDLER_NAME = "ddb.dynamoDbEndpoint";

    @Bean
    NettyServerCustomizer dynamoDbEndpointOnThePipeline(DynamoDbRequestHandler requests, GatewayProperties properties) {
        long maxBytes = properties.maxRequestSize().toBytes();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new Handler(requests, maxBytes));
            }
        });
    }

    /** One per connection: it holds the request being read. */
    private static final class Handler extends ChannelInboundHandlerAdapter {

        private final DynamoDbRequestHandler requests;
        private final long maxBytes;
        /** The DynamoDB request whose body is being read; null when the connection's messages go to WebFlux. */
        private HttpRequest request;
        private CompositeByteBuf body;
        /** After a 413: the rest of that request's body is dropped until the connection closes. */
        private boolean refused;

        Handler(DynamoDbRequestHandler requests, long maxBytes) {
            this.requests = requests;
            this.maxBytes = maxBytes;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest http) {
                if (!isDynamoDbRequest(http)) {
                    request = null;
                    refused = false;
                    context.fireChannelRead(message);
                    return;
                }
                start(context, http);
            } else if (request == null && !refused) {
                context.fireChannelRead(message); // the body of a request WebFlux serves
                return;
            }
            if (message instanceof HttpContent content) {
                read(context, content);
            } else {
                ReferenceCountUtil.release(message);
            }
        }

        private static boolean isDynamoDbRequest(HttpRequest http) {
            // Every SDK sends "/", some with a query. The path is compared as sent, not decoded: a path
            // with a malformed escape ("/%zz"), which made the decoder throw, HttpDecodingFailures answers first.
            return http.decoderResult().isSuccess() && HttpMethod.POST.equals(http.method())
                    && (http.uri().equals("/") || http.uri().startsWith("/?"));
        }

        private void start(ChannelHandlerContext context, HttpRequest http) {
            request = http;
            refused = false;
            body = context.alloc().compositeBuffer(Integer.MAX_VALUE);
            if (HttpUtil.getContentLength(http, -1L) > maxBytes) {
                refuse(context);
            } else if (HttpUtil.is100ContinueExpected(http)) {
                context.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
            }
        }

        private void read(ChannelHandlerContext context, HttpContent content) {
            try {
                if (refused) {
                    if (content instanceof LastHttpContent) {
                        context.close(); // the client sent all of it: now it reads the 413
                    }
                    return;
                }
                ByteBuf chunk = content.content();
                if (body.readableBytes() + (long) chunk.readableBytes() > maxBytes) {
                    refuse(context);
                    return;
                }
                if (chunk.isReadable()) {
                    body.addComponent(true, chunk.retain());
                }
                if (content instanceof LastHttpContent) {
                    answer(context);
                }
            } finally {
                content.release();
            }
        }

        private void answer(ChannelHandlerContext context) {
            HttpRequest http = request;
            byte[] bytes = new byte[body.readableBytes()];
            body.readBytes(bytes);
            releaseBody();
            request = null;
            boolean keepAlive = HttpUtil.isKeepAlive(http);
            HttpHeaders headers = new HttpHeaders(new Netty4HeadersAdapter(http.headers()));
            boolean overTls = context.pipeline().get(SslHandler.class) != null;
            requests.handle(ReceivedRequest.of(http.method().name(), http.uri(), headers, bytes), overTls)
                    .subscribe(response -> write(context, response, keepAlive));
        }

        /**
         * Answers 413 at once and drops the rest of the body as it comes; closing before the client
         * has sent it all would reset the connection under the client, which would never read the answer.
         */
        private void refuse(ChannelHandlerContext context) {
            refused = true;
            releaseBody();
            request = null;
            context.writeAndFlush(NettyResponses.toHttp(OperationDispatcher.error(EndpointErrors.requestEntityTooLarge(maxBytes)), false));
        }

        /** Reactor Netty reads a connection only on demand (auto-read is off): ask for the next request. */
        private static void write(ChannelHandlerContext context, Response response, boolean keepAlive) {
            var future = context.writeAndFlush(NettyResponses.toHttp(response, keepAlive));
            future.addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
            if (keepAlive) {
                future.addListener(written -> context.read());
            }
        }

        private void releaseBody() {
            if (body != null) {
                body.release();
                body = null;
            }
        }

        /** Auto-read is off: while a body is being read here, nobody else asks for its next part. */
        @Override
        public void channelReadComplete(ChannelHandlerContext context) {
            if (request != null || refused) {
                context.read();
            }
            context.fireChannelReadComplete();
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            releaseBody();
            context.fireChannelInactive();
        }
    }
}
