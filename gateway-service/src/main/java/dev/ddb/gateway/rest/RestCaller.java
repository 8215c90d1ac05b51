package dev.ddb.gateway.rest;

import dev.ddb.gateway.auth.Requester;

/**
 * Who calls, as the DynamoDB endpoint sees its callers.
 *
 * @param requester the region (which scopes tables) and, in {@code verify} mode, the signer
 * @param overTls   whether the call came over HTTPS ({@code aws:SecureTransport})
 */
record RestCaller(Requester requester, boolean overTls) {
}
