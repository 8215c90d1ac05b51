package dev.ddb.gateway.auth;

/**
 * The outcome of authenticating a request.
 *
 * @param region    the region the request is signed for (its credential scope's), which scopes its tables
 * @param principal who signed it, when the signature was verified; null in {@code open} mode, where
 *                  any well-formed signature is accepted and no policy applies
 */
public record Requester(String region, Principal principal) {
}
