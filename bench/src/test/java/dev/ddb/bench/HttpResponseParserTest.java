package dev.ddb.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HttpResponseParserTest {

    @Test
    void readsAContentLengthAnswerThatArrivesInPieces() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 13\r\n\r\n{\"Count\":10}\n";
        ByteBuffer in = ByteBuffer.allocate(1024);

        in.put(bytes(answer.substring(0, 40))).flip();
        assertNull(HttpResponseParser.parse(in), "headers not complete");
        assertEquals(0, in.position(), "an incomplete answer leaves the buffer as it was");
        in.compact().put(bytes(answer.substring(40, answer.length() - 3))).flip();
        assertNull(HttpResponseParser.parse(in), "body not complete");
        in.compact().put(bytes(answer.substring(answer.length() - 3))).flip();

        HttpResponseParser.Response response = HttpResponseParser.parse(in);
        assertNotNull(response);
        assertEquals(200, response.status());
        assertEquals("{\"Count\":10}\n", new String(response.body(), StandardCharsets.UTF_8));
        assertFalse(response.close());
        assertFalse(in.hasRemaining(), "the whole answer is consumed");
    }

    @Test
    void decodesChunkedAnswersWithExtensionsAndTrailersAndLeavesTheNextAnswer() throws Exception {
        String chunked = "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\n{\"__t\r\n" + "9\r\nype\":\"x\"}\r\n" + "0\r\nX-Trailer: yes\r\n\r\n";
        String next = "HTTP/1.1 204 No Content\r\n\r\n";
        ByteBuffer in = ByteBuffer.wrap(bytes(chunked + next));

        HttpResponseParser.Response first = HttpResponseParser.parse(in);
        assertEquals(400, first.status());
        assertEquals("{\"__type\":\"x\"}", new String(first.body(), StandardCharsets.UTF_8));
        HttpResponseParser.Response second = HttpResponseParser.parse(in);
        assertEquals(204, second.status());
        assertArrayEquals(new byte[0], second.body());
        assertFalse(in.hasRemaining());
    }

    @Test
    void waitsForTheLastChunkAndTheEmptyLineAfterIt() throws Exception {
        assertNull(HttpResponseParser.parse(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n"))));
        assertNull(HttpResponseParser.parse(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n"))));
    }

    @Test
    void seesWhenTheServerClosesTheConnection() throws Exception {
        assertTrue(HttpResponseParser.parse(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}"))).close());
        assertTrue(HttpResponseParser.parse(ByteBuffer.wrap(bytes("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}"))).close());
        assertFalse(HttpResponseParser.parse(ByteBuffer.wrap(bytes("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}"))).close());
    }

    @Test
    void rejectsWhatItCannotFrame() {
        assertThrows(HttpResponseParser.MalformedResponse.class,
                () -> HttpResponseParser.parse(ByteBuffer.wrap(bytes("SSH-2.0-OpenSSH\r\n\r\n"))));
        assertThrows(HttpResponseParser.MalformedResponse.class,
                () -> HttpResponseParser.parse(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\n\r\n{}"))));
        assertThrows(HttpResponseParser.MalformedResponse.class,
                () -> HttpResponseParser.parse(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
