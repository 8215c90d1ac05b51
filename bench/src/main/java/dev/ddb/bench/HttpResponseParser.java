package dev.ddb.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response from the bytes received so far: status line, headers, and a body framed
 * by Content-Length or chunked transfer coding (RFC 9112). Incremental: a response not yet whole gives
 * null and leaves the buffer as it was, so the caller reads more and tries again.
 */
final class HttpResponseParser {

    /** A whole response: its status, its body (de-chunked), and whether the server closes the connection after it. */
    record Response(int status, byte[] body, boolean close) {
    }

    /** The server sent something that is not an HTTP/1.1 response the raw client can frame. */
    static final class MalformedResponse extends IOException {
        MalformedResponse(String message) {
            super(message);
        }
    }

    private static final int MAX_HEAD = 64 * 1024;

    private HttpResponseParser() {
    }

    /**
     * Parses one response starting at the heap buffer's position (read mode). On success the position
     * moves past the response; null when more bytes are needed (the position is left alone).
     */
    static Response parse(ByteBuffer in) throws MalformedResponse {
        byte[] a = in.array();
        int start = in.arrayOffset() + in.position();
        int limit = in.arrayOffset() + in.limit();
        int headEnd = indexOfBlankLine(a, start, limit);
        if (headEnd < 0) {
            if (limit - start > MAX_HEAD) {
                throw new MalformedResponse("no end of the headers in " + MAX_HEAD + " bytes");
            }
            return null;
        }
        String head = new String(a, start, headEnd - start, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        if (!lines[0].startsWith("HTTP/1.") || lines[0].length() < 12) {
            throw new MalformedResponse("not an HTTP/1.x status line: " + lines[0]);
        }
        int status;
        try {
            status = Integer.parseInt(lines[0].substring(9, 12));
        } catch (NumberFormatException e) {
            throw new MalformedResponse("no status code in " + lines[0]);
        }
        long contentLength = -1;
        boolean chunked = false;
        boolean close = lines[0].startsWith("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedResponse("not a header line: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new MalformedResponse("bad Content-Length: " + value);
                    }
                }
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                default -> {
                    // not needed to frame the answer
                }
            }
        }
        int bodyStart = headEnd + 4;
        byte[] body;
        int end;
        if (chunked) {
            ByteArrayOutputStream decoded = new ByteArrayOutputStream();
            end = dechunk(a, bodyStart, limit, decoded);
            if (end < 0) {
                return null;
            }
            body = decoded.toByteArray();
        } else if (contentLength >= 0) {
            if (limit - bodyStart < contentLength) {
                return null;
            }
            end = bodyStart + (int) contentLength;
            body = java.util.Arrays.copyOfRange(a, bodyStart, end);
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            end = bodyStart;
            body = new byte[0];
        } else {
            // framed by the connection's end: the raw client keeps connections open, so it does not take these
            throw new MalformedResponse("a " + status + " answer with neither Content-Length nor chunked transfer coding");
        }
        in.position(end - in.arrayOffset());
        return new Response(status, body, close);
    }

    /** Decodes chunks from {@code from}; the index after the last chunk's trailers, or -1 when incomplete. */
    private static int dechunk(byte[] a, int from, int limit, ByteArrayOutputStream out) throws MalformedResponse {
        int i = from;
        while (true) {
            int lineEnd = indexOfCrlf(a, i, limit);
            if (lineEnd < 0) {
                return -1;
            }
            String sizeLine = new String(a, i, lineEnd - i, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';'); // chunk extensions are ignored
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new MalformedResponse("bad chunk size: " + sizeLine);
            }
            i = lineEnd + 2;
            if (size == 0) {
                // trailer fields, then an empty line
                while (true) {
                    int trailerEnd = indexOfCrlf(a, i, limit);
                    if (trailerEnd < 0) {
                        return -1;
                    }
                    boolean empty = trailerEnd == i;
                    i = trailerEnd + 2;
                    if (empty) {
                        return i;
                    }
                }
            }
            if (limit - i < size + 2) {
                return -1;
            }
            out.write(a, i, size);
            i += size;
            if (a[i] != '\r' || a[i + 1] != '\n') {
                throw new MalformedResponse("no CRLF after a chunk");
            }
            i += 2;
        }
    }

    private static int indexOfBlankLine(byte[] a, int from, int limit) {
        for (int i = from; i + 3 < limit; i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfCrlf(byte[] a, int from, int limit) {
        for (int i = from; i + 1 < limit; i++) {
            if (a[i] == '\r' && a[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
