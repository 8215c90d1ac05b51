package dev.ddb.common.protocol;

import java.util.zip.CRC32;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** The AWS JSON 1.0 protocol as DynamoDB speaks it. */
public final class AwsJsonProtocol {

    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    public static final String TARGET_HEADER = "X-Amz-Target";
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    public static final String CRC32_HEADER = "x-amz-crc32";
    public static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
    public static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";

    private AwsJsonProtocol() {
    }

    /** The operation name of an {@code X-Amz-Target} header, or null when it names no known service. */
    public static String operationOf(String target) {
        if (target == null) {
            return null;
        }
        if (target.startsWith(DYNAMODB_PREFIX)) {
            return target.substring(DYNAMODB_PREFIX.length());
        }
        if (target.startsWith(STREAMS_PREFIX)) {
            return target.substring(STREAMS_PREFIX.length());
        }
        return null;
    }

    /** The body DynamoDB sends with an error. */
    public static byte[] errorBody(DynamoDbException error) {
        ObjectNode body = Json.object();
        body.put("__type", error.type());
        if (error.getMessage() != null) {
            // DynamoDB spells it "message" for most errors and "Message" for a few; SDKs read both.
            body.put(error.messageMember(), error.getMessage());
        }
        error.members().forEach(body::set);
        return Json.write(body);
    }

    /** The value of {@code x-amz-crc32}: the CRC32 of the exact response bytes, which the SDKs verify. */
    public static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }
}
