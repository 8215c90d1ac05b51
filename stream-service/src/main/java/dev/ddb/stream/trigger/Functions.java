package dev.ddb.stream.trigger;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The functions mappings can invoke, registered by name to an HTTP URL ({@code ddb.stream.functions},
 * {@code DDB_FUNCTIONS=orders-handler=http://localhost:9000/invoke,other=...}). A function is named
 * as Lambda accepts it: {@code name}, {@code account:function:name} or its ARN
 * {@code arn:aws:lambda:<region>:<account>:function:name}; a version or alias qualifier is not supported.
 */
@Component
public class Functions {

    private static final Pattern NAME = Pattern.compile(
            "(?:arn:aws:lambda:([a-z0-9-]+):)?(?:(\\d{12}):function:)?([a-zA-Z0-9_-]{1,64})");

    /** A registered function in one region. */
    public record Function(String name, String arn, URI url) {
    }

    private final Map<String, URI> urls;
    private final String accountId;

    @Autowired
    public Functions(TriggerProperties properties) {
        this(parse(properties.functions()), properties.accountId());
    }

    public Functions(Map<String, URI> urls, String accountId) {
        this.urls = Map.copyOf(urls);
        this.accountId = accountId;
    }

    /** {@code a=http://x,b=http://y}; blanks ignored. */
    static Map<String, URI> parse(String text) {
        Map<String, URI> urls = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return urls;
        }
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalArgumentException("ddb.stream.functions: '" + entry.trim() + "' is not name=url");
            }
            urls.put(entry.substring(0, equals).trim(), URI.create(entry.substring(equals + 1).trim()));
        }
        return urls;
    }

    public String arnOf(String region, String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    public String accountId() {
        return accountId;
    }

    /** The function's name when {@code functionName} names one in any form Lambda accepts, registered or not. */
    public static Optional<String> nameIn(String functionName) {
        if (functionName == null) {
            return Optional.empty();
        }
        Matcher matcher = NAME.matcher(functionName);
        return matcher.matches() ? Optional.of(matcher.group(3)) : Optional.empty();
    }

    /**
     * @throws LambdaException InvalidParameterValueException for a malformed name, ResourceNotFoundException
     *         for a function that is not registered
     */
    public Function resolve(String region, String functionName) {
        Matcher matcher = functionName == null ? null : NAME.matcher(functionName);
        if (matcher == null || !matcher.matches()) {
            throw LambdaException.invalidParameter("1 validation error detected: Value '" + functionName
                    + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }
        String name = matcher.group(3);
        String arnRegion = matcher.group(1) != null ? matcher.group(1) : region;
        String arn = arnOf(arnRegion, name);
        URI url = urls.get(name);
        boolean otherAccount = matcher.group(2) != null && !matcher.group(2).equals(accountId);
        if (url == null || otherAccount || !arnRegion.equals(region)) {
            throw LambdaException.notFound("Function not found: " + arn);
        }
        return new Function(name, arn, url);
    }
}
