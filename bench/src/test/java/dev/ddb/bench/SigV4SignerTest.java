package dev.ddb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SigV4SignerTest {

    private static final String HOST = "127.0.0.1:8000";

    @Test
    void signsAsTheAwsSdkDoes() {
        SigV4Signer signer = new SigV4Signer(BenchMain.ACCESS_KEY, BenchMain.SECRET_KEY, "us-east-1", HOST);
        byte[] body = "{\"TableName\":\"bench_kv\",\"Key\":{\"pk\":{\"S\":\"user0000000042\"}}}".getBytes(StandardCharsets.UTF_8);
        long at = Instant.parse("2026-12-01T04:59:59.250Z").toEpochMilli();

        SigV4Signer.Signature signature = signer.sign("DynamoDB_20120810.GetItem", body, body.length, at);

        assertEquals("20261201T045959Z", signature.amzDate());
        assertEquals(SdkSignature.authorization(HOST, "DynamoDB_20120810.GetItem", body, signature.amzDate()), signature.authorization());
    }

    @Test
    void followsTheClockAcrossSecondsAndDays() {
        SigV4Signer signer = new SigV4Signer(BenchMain.ACCESS_KEY, BenchMain.SECRET_KEY, "us-east-1", HOST);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        long beforeMidnight = Instant.parse("2026-12-01T23:59:59.900Z").toEpochMilli();

        SigV4Signer.Signature first = signer.sign("DynamoDB_20120810.PutItem", body, body.length, beforeMidnight);
        SigV4Signer.Signature next = signer.sign("DynamoDB_20120810.PutItem", body, body.length, beforeMidnight + 200);

        assertEquals("20261202T000000Z", next.amzDate());
        assertNotEquals(first.authorization(), next.authorization());
        assertEquals(SdkSignature.authorization(HOST, "DynamoDB_20120810.PutItem", body, next.amzDate()), next.authorization());
    }
}
