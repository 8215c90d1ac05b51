package dev.ddb.stream.trigger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of event source mappings (beside {@link dev.ddb.stream.StreamServiceProperties}, same prefix).
 *
 * @param functions       the functions mappings can invoke, {@code name=url,name=url} ({@code DDB_FUNCTIONS}):
 *                        each is invoked with an HTTP POST of Lambda's event JSON to its URL
 * @param accountId       the account id of function and mapping ARNs ({@code DDB_ACCOUNT_ID})
 * @param functionTimeout how long an invocation may take before it counts as a function error
 * @param retryBackoff    the wait before the first retry of a failed batch; it doubles with each retry, up to 5 s
 */
@ConfigurationProperties("ddb.stream")
public record TriggerProperties(
        @DefaultValue("") String functions,
        @DefaultValue("000000000000") String accountId,
        @DefaultValue("30s") Duration functionTimeout,
        @DefaultValue("200ms") Duration retryBackoff) {
}
