package dev.ddb.gateway.console.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.ddb.common.json.Json;
import dev.ddb.gateway.access.AccessPolicies;
import dev.ddb.gateway.auth.AuthMode;
import dev.ddb.gateway.auth.AuthProperties;
import dev.ddb.gateway.auth.ReceivedRequest;
import dev.ddb.gateway.auth.RequestAuthenticator;
import dev.ddb.gateway.auth.Requester;

/**
 * Who may see which table's metrics. In {@code open} mode anyone sees every table, as anyone may
 * call DescribeTable. In {@code verify} mode the request must be signed (AWS Signature Version 4,
 * service {@code dynamodb}, checked by the same {@link RequestAuthenticator} as DynamoDB requests;
 * the console signs its GET as it signs its POSTs), and a table's figures are shown only to a
 * signer whose policies allow {@code dynamodb:DescribeTable} on it: whoever may read a table's
 * description may read how busy it is. (CloudWatch asks for {@code cloudwatch:GetMetricData}
 * instead, which this suite does not model.) Figures with no table (ListTables, batches over several
 * tables) need {@code dynamodb:ListTables}. Unsigned or wrongly signed requests get the same error as
 * a DynamoDB request; a table asked for by name that the signer may not describe gets the
 * AccessDeniedException DescribeTable would.
 */
@Component
class MetricsAccess {

    private final RequestAuthenticator authenticator;
    private final AccessPolicies policies;
    private final boolean verify;

    MetricsAccess(RequestAuthenticator authenticator, AccessPolicies policies, AuthProperties auth) {
        this.authenticator = authenticator;
        this.policies = policies;
        this.verify = auth.mode() == AuthMode.VERIFY;
    }

    /** The caller; throws DynamoDB's signature errors in {@code verify} mode. Open mode: nobody in particular. */
    Caller callerOf(ServerRequest request) {
        boolean overTls = request.exchange().getRequest().getSslInfo() != null;
        if (!verify) {
            return new Caller(null, overTls);
        }
        HttpHeaders headers = request.headers().asHttpHeaders();
        ReceivedRequest received = new ReceivedRequest(request.method().name(), request.uri().getRawPath(),
                request.uri().getRawQuery(), headers, new byte[0]);
        return new Caller(authenticator.authenticate(received), overTls);
    }

    /** The tables among {@code tables} whose figures the caller may see. */
    Mono<Set<String>> visible(Caller caller, Set<String> tables) {
        if (caller.requester() == null) {
            return Mono.just(tables);
        }
        return Flux.fromIterable(tables)
                .filterWhen(table -> allowed(caller, table).thenReturn(true).onErrorReturn(false))
                .collect(Collectors.toSet());
    }

    /** Empty when the caller may see the table's figures; AccessDeniedException when not. */
    Mono<Void> allowed(Caller caller, String table) {
        if (caller.requester() == null) {
            return Mono.empty();
        }
        boolean noTable = table.isEmpty();
        byte[] body = noTable ? "{}".getBytes(StandardCharsets.UTF_8)
                : Json.write(Json.object().put("TableName", table));
        return policies.authorize(caller.requester(), noTable ? "ListTables" : "DescribeTable", body, caller.overTls());
    }

    /** @param requester null in {@code open} mode */
    record Caller(Requester requester, boolean overTls) {
    }
}
