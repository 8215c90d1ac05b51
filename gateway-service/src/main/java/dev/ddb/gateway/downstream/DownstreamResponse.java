package dev.ddb.gateway.downstream;

/**
 * What a downstream service answered.
 *
 * @param requestId its {@code x-amzn-RequestId}, or null when it sent none
 * @param crc32     its {@code x-amz-crc32} of these body bytes, or null when it sent none
 */
public record DownstreamResponse(int status, byte[] body, String requestId, String crc32) {
}
