package dev.ddb.gateway.rest;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.region.Regions;
import dev.ddb.gateway.auth.AuthMode;
import dev.ddb.gateway.auth.AuthProperties;
import dev.ddb.gateway.auth.ReceivedRequest;
import dev.ddb.gateway.auth.RequestAuthenticator;
import dev.ddb.gateway.auth.Requester;

/**
 * Who a REST call is from. In {@code verify} mode it must be signed with AWS Signature Version 4
 * for service {@code dynamodb} (method, path, query and body as sent), checked by the same
 * {@link RequestAuthenticator} as DynamoDB requests. In {@code open} mode no signature is needed:
 * an unsigned call is in the default region ({@code us-east-1}); a signed one is in the region it
 * is signed for, as a DynamoDB request is.
 */
@Component
class RestAuthentication {

    private final RequestAuthenticator authenticator;
    private final boolean verify;

    RestAuthentication(RequestAuthenticator authenticator, AuthProperties properties) {
        this.authenticator = authenticator;
        this.verify = properties.mode() == AuthMode.VERIFY;
    }

    RestCaller callerOf(ServerRequest request, byte[] body) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        boolean overTls = request.exchange().getRequest().getSslInfo() != null;
        ReceivedRequest received = new ReceivedRequest(request.method().name(), request.uri().getRawPath(),
                request.uri().getRawQuery(), headers, body);
        boolean signed = headers.getFirst(HttpHeaders.AUTHORIZATION) != null
                || received.queryParameters().containsKey("X-Amz-Algorithm");
        if (!verify && !signed) {
            return new RestCaller(new Requester(Regions.DEFAULT_REGION, null), overTls);
        }
        try {
            return new RestCaller(authenticator.authenticate(received), overTls);
        } catch (DynamoDbException e) {
            throw Problems.fromDynamoDb(e);
        }
    }
}
