package dev.ddb.gateway.lambda;

import java.util.Optional;

/**
 * The IAM action and resource a Lambda event source mapping request is checked for, as Lambda's
 * policies name them: {@code lambda:CreateEventSourceMapping} and {@code lambda:ListEventSourceMappings}
 * on {@code *} (they act on no existing mapping), {@code lambda:Get/Update/DeleteEventSourceMapping} on
 * the mapping's ARN {@code arn:aws:lambda:<region>:<account>:event-source-mapping:<UUID>}.
 */
final class LambdaActions {

    record Check(String action, String resource) {
    }

    private LambdaActions() {
    }

    /** Empty for a method or path that is no operation: stream-service answers Lambda's error for it. */
    static Optional<Check> of(String method, String path, String region, String accountId) {
        String rest = path.substring(LambdaRoutes.EVENT_SOURCE_MAPPINGS.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return switch (method) {
                case "POST" -> Optional.of(new Check("lambda:CreateEventSourceMapping", "*"));
                case "GET" -> Optional.of(new Check("lambda:ListEventSourceMappings", "*"));
                default -> Optional.empty();
            };
        }
        String uuid = rest.substring(1);
        if (uuid.contains("/")) {
            return Optional.empty();
        }
        String mapping = "arn:aws:lambda:" + region + ":" + accountId + ":event-source-mapping:" + uuid;
        return switch (method) {
            case "GET" -> Optional.of(new Check("lambda:GetEventSourceMapping", mapping));
            case "PUT" -> Optional.of(new Check("lambda:UpdateEventSourceMapping", mapping));
            case "DELETE" -> Optional.of(new Check("lambda:DeleteEventSourceMapping", mapping));
            default -> Optional.empty();
        };
    }
}
