package dev.ddb.gateway.access;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import dev.ddb.gateway.access.policy.PolicySet;
import dev.ddb.gateway.auth.Principal;

/**
 * Each principal's policies, parsed once: keyed by the identity of its policy list (weakly, so a
 * reloaded principals file lets the old ones go). A malformed document is reported once, here, and
 * the principal is then denied everything (an implicit deny), never a server error.
 */
@Component
class PrincipalPolicies {

    private static final Logger LOG = LoggerFactory.getLogger(PrincipalPolicies.class);

    private final Cache<List<JsonNode>, PolicySet> parsed = Caffeine.newBuilder().weakKeys().build();

    PolicySet of(Principal principal) {
        return parsed.get(principal.policies(), documents -> {
            PolicySet set = PolicySet.of(documents);
            if (set.malformed() != null) {
                LOG.warn("The policies of {} are malformed, so it is denied everything: {}", principal.arn(),
                        set.malformed());
            }
            return set;
        });
    }
}
