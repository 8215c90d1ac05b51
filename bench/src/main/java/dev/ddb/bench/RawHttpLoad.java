package dev.ddb.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ThreadLocalRandom;

import org.HdrHistogram.Histogram;

/**
 * The raw load generator ({@code --client raw}): the same closed loop as {@link ClosedLoopRunner}
 * ({@code concurrency} chains, each sending its next request when the last one answered), over
 * {@code concurrency} keep-alive HTTP/1.1 connections driven by one NIO selector on the calling
 * thread, as wrk does. Each request is the one the SDK would send ({@link RawRequests}), SigV4-signed
 * per request ({@link SigV4Signer}), the answer framed by {@link HttpResponseParser} and checked
 * without a JSON parse.
 *
 * <p>One selector thread rather than a blocking socket per chain: with 16 blocking threads every answer
 * wakes a thread (a futex wake-up and a context switch on a 2-core machine the server shares), while one
 * selector collects every ready connection in a single epoll_wait, so under load one wake-up serves
 * several answers, and no lock or hand-off is needed (the histogram, signer and random are this thread's
 * alone). Measured against our stack (README, "The load generator's own cost"): 10-12 us of client
 * CPU per GetItem or PutItem with the selector, 14-21 us with 16 blocking threads.
 *
 * <p>Connections are opened at the start of each run and closed at its end: between runs the benchmark
 * waits for the servers to idle, longer than some keep their idle connections (Node.js: 5 s).
 */
final class RawHttpLoad {

    private static final int READ_BUFFER = 64 * 1024;

    private final InetSocketAddress address;
    private final String host;
    private final String accessKey;
    private final String secretKey;
    private long signingNanos;
    private long signed;

    RawHttpLoad(URI endpoint, String accessKey, String secretKey) {
        if (!"http".equalsIgnoreCase(endpoint.getScheme())) {
            throw new IllegalArgumentException("The raw client speaks plain HTTP only, not " + endpoint);
        }
        int port = endpoint.getPort() == -1 ? 80 : endpoint.getPort();
        this.address = new InetSocketAddress(endpoint.getHost(), port);
        this.host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Mean time spent computing SigV4 signatures, in microseconds per request, over every run so far. */
    synchronized double signingMicrosPerRequest() {
        return signed == 0 ? Double.NaN : signingNanos / 1000.0 / signed;
    }

    /** One timed closed-loop run; the calling thread is the client's one thread. */
    ClosedLoopRunner.Run run(Dataset data, Workload workload, int concurrency, Duration duration) throws IOException {
        Loop loop = new Loop(data, workload, duration);
        try (Selector selector = Selector.open()) {
            try {
                for (int i = 0; i < concurrency; i++) {
                    loop.start(loop.open(selector));
                }
                loop.drive(selector);
            } finally {
                for (SelectionKey key : selector.keys()) { // closing the selector leaves its channels open
                    key.channel().close();
                }
            }
        } finally {
            synchronized (this) {
                signingNanos += loop.signingNanos;
                signed += loop.signed;
            }
        }
        return new ClosedLoopRunner.Run(loop.succeeded, loop.failed, loop.lastAnswer - loop.start, loop.latencyMicros, loop.firstError);
    }

    /**
     * Sends one request on a connection of its own and waits for the answer: for tests and checks, not
     * for load.
     */
    HttpResponseParser.Response call(RawRequests.RawRequest request) throws IOException {
        SigV4Signer signer = new SigV4Signer(accessKey, secretKey, "us-east-1", host);
        try (SocketChannel channel = SocketChannel.open(address)) {
            ByteBuffer out = encode(request, signer.sign(request.target(), request.body(), request.body().length, System.currentTimeMillis()));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
            while (true) {
                if (!in.hasRemaining()) {
                    in.flip();
                    in = ByteBuffer.allocate(in.capacity() * 2).put(in);
                }
                if (channel.read(in) < 0) {
                    throw new EOFException("the server closed the connection before answering");
                }
                in.flip();
                HttpResponseParser.Response response = HttpResponseParser.parse(in);
                if (response != null) {
                    return response;
                }
                in.compact();
            }
        }
    }

    /** The request as the SDK's DynamoDB client would send it (less its amz-sdk-* and User-Agent headers). */
    private ByteBuffer encode(RawRequests.RawRequest request, SigV4Signer.Signature signature) {
        byte[] head = ("POST / HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Content-Type: " + SigV4Signer.CONTENT_TYPE + "\r\n"
                + "X-Amz-Target: " + request.target() + "\r\n"
                + "X-Amz-Content-Sha256: " + signature.contentSha256() + "\r\n"
                + "X-Amz-Date: " + signature.amzDate() + "\r\n"
                + "Authorization: " + signature.authorization() + "\r\n"
                + "Content-Length: " + request.body().length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(head.length + request.body().length);
        out.put(head).put(request.body()).flip();
        return out;
    }

    /** One keep-alive connection: one chain of the closed loop. */
    private static final class Connection {
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
        ByteBuffer out;
        RawRequests.RawRequest request;
        long sent;
    }

    /** The state of one run: only the selector thread touches it. */
    private final class Loop {
        final Dataset data;
        final Workload workload;
        final SigV4Signer signer = new SigV4Signer(accessKey, secretKey, "us-east-1", host);
        final Histogram latencyMicros = new Histogram(3);
        final long start = System.nanoTime();
        final long deadline;
        long lastAnswer = start;
        long succeeded;
        long failed;
        String firstError;
        long signingNanos;
        long signed;
        int open;

        Loop(Dataset data, Workload workload, Duration duration) {
            this.data = data;
            this.workload = workload;
            this.deadline = start + duration.toNanos();
        }

        Connection open(Selector selector) throws IOException {
            Connection c = new Connection();
            c.channel = SocketChannel.open(address);
            c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.channel.configureBlocking(false);
            c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
            open++;
            return c;
        }

        /** Sends the chain's next request, or ends the chain when the time is up. */
        void start(Connection c) throws IOException {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                close(c);
                return;
            }
            c.sent = now;
            c.request = RawRequests.next(workload, data, ThreadLocalRandom.current());
            long signStart = System.nanoTime();
            SigV4Signer.Signature signature = signer.sign(c.request.target(), c.request.body(), c.request.body().length,
                    System.currentTimeMillis());
            signingNanos += System.nanoTime() - signStart;
            signed++;
            ByteBuffer out = encode(c.request, signature);
            c.out = out;
            c.channel.write(out);
            // the whole request almost always fits the socket's send buffer; else finish it when writable
            c.key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void drive(Selector selector) throws IOException {
            long giveUp = deadline + Duration.ofSeconds(120).toNanos();
            while (open > 0) {
                if (System.nanoTime() - giveUp > 0) {
                    throw new IllegalStateException(workload.title() + ": requests still open 120 s after the end of the run");
                }
                selector.select(1000);
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    Connection c = (Connection) key.attachment();
                    try {
                        if (key.isValid() && key.isWritable()) {
                            c.channel.write(c.out);
                            if (!c.out.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        }
                        if (key.isValid() && key.isReadable()) {
                            read(selector, c);
                        }
                    } catch (IOException e) {
                        failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                        reconnect(selector, c);
                    }
                }
            }
        }

        private void read(Selector selector, Connection c) throws IOException {
            if (c.channel.read(c.in) < 0) {
                throw new EOFException("the server closed the connection" + (c.request == null ? "" : " before answering"));
            }
            c.in.flip();
            HttpResponseParser.Response response = HttpResponseParser.parse(c.in);
            c.in.compact();
            if (response == null) {
                if (!c.in.hasRemaining()) { // an answer larger than the buffer: grow it
                    ByteBuffer larger = ByteBuffer.allocate(c.in.capacity() * 2);
                    c.in.flip();
                    c.in = larger.put(c.in);
                }
                return;
            }
            long now = System.nanoTime();
            lastAnswer = now;
            String problem = response.status() == 200 ? c.request.check().problem(response.body())
                    : "HTTP " + response.status() + ": " + excerpt(response.body());
            c.request = null;
            if (problem == null) {
                latencyMicros.recordValue(Math.max(1, (now - c.sent) / 1_000));
                succeeded++;
            } else {
                failed(problem);
            }
            if (response.close()) {
                reconnect(selector, c);
            } else {
                start(c);
            }
        }

        private void failed(String problem) {
            failed++;
            if (firstError == null) {
                firstError = problem;
            }
        }

        /** After a broken or closed connection: a new one for the chain, which goes on; the chain ends if none opens. */
        private void reconnect(Selector selector, Connection c) {
            close(c);
            if (System.nanoTime() - deadline >= 0) {
                return;
            }
            Connection fresh = null;
            try {
                fresh = open(selector);
                start(fresh);
            } catch (IOException e) {
                failed("cannot reconnect: " + e);
                if (fresh != null) {
                    close(fresh);
                }
            }
        }

        private void close(Connection c) {
            if (c.channel.isOpen()) {
                open--;
                c.key.cancel();
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
