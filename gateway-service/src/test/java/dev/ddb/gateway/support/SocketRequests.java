package dev.ddb.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP written by hand on a socket, for what an HTTP client library will not send or not report:
 * bytes that are not HTTP, and bodies the server refuses before they end (a client library would
 * report the broken upload instead of the answer).
 */
public final class SocketRequests {

    private static final int PIECE = 64 * 1024;

    /** The answer, and how much of the body got out before the server stopped taking it. */
    public record Result(int status, Map<String, String> headers, byte[] body, long bytesSent, boolean bodyCompleted) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private SocketRequests() {
    }

    /** Sends {@code request} as it is and reads the answer. */
    public static Result send(int port, String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            Answer answer = readAnswer(socket.getInputStream());
            return new Result(answer.status(), answer.headers(), answer.body(), request.length(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code bodyBytes} bytes of filler with {@code Content-Length} (or, when {@code chunked},
     * without one) and returns the answer once it has been read.
     */
    public static Result postStreaming(int port, Map<String, String> headers, long bodyBytes, boolean chunked) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\nHost: localhost\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n").append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));

            AtomicLong sent = new AtomicLong();
            AtomicBoolean completed = new AtomicBoolean();
            Thread writer = new Thread(() -> writeBody(out, bodyBytes, chunked, sent, completed), "socket-request-body");
            writer.start();
            Answer answer = readAnswer(socket.getInputStream());
            socket.close(); // stops the writer if the server has not already
            writer.join(20_000);
            return new Result(answer.status(), answer.headers(), answer.body(), sent.get(), completed.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeBody(OutputStream out, long bodyBytes, boolean chunked, AtomicLong sent, AtomicBoolean completed) {
        byte[] piece = new byte[PIECE];
        Arrays.fill(piece, (byte) 'a');
        try {
            while (sent.get() < bodyBytes) {
                int length = (int) Math.min(PIECE, bodyBytes - sent.get());
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(piece, 0, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                sent.addAndGet(length);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            completed.set(true);
        } catch (IOException refused) {
            // The server answered and closed the connection: the rest of the body is not wanted.
        }
    }

    /** Reads one HTTP/1.1 answer with a Content-Length, skipping any 100 Continue. */
    private static Answer readAnswer(InputStream in) throws IOException {
        while (true) {
            String statusLine = readLine(in);
            Map<String, String> headers = new HashMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            if (status == 100) {
                continue;
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new Answer(status, headers, body);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed before a complete answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
