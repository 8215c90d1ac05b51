package dev.ddb.gateway.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.ddb.gateway.access.policy.EvaluationContext;
import dev.ddb.gateway.auth.Principal;

/**
 * The AWS-wide condition keys of a request, which are also its policy variables. The principals
 * file has no unique user ids, so {@code aws:userid} is the user name. {@code aws:SourceIp} is not
 * known here (the endpoint does not pass the client's address), so it is absent.
 */
final class GlobalConditionKeys {

    private GlobalConditionKeys() {
    }

    static EvaluationContext of(Principal principal, String region, boolean secureTransport, Instant now) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        return EvaluationContext.builder()
                .put("aws:username", principal.name())
                .put("aws:userid", principal.name())
                .put("aws:PrincipalAccount", principal.accountId())
                .put("aws:PrincipalArn", principal.arn())
                .put("aws:PrincipalType", "User")
                .put("aws:CurrentTime", second.toString())
                .put("aws:EpochTime", Long.toString(second.getEpochSecond()))
                .put("aws:SecureTransport", Boolean.toString(secureTransport))
                .put("aws:RequestedRegion", region)
                .build();
    }
}
