package dev.ddb.stream.trigger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** A function reached by an HTTP POST of the event JSON: 2xx is success, anything else or a timeout a function error. */
final class HttpFunctionInvoker implements FunctionInvoker {

    private final HttpClient client;
    private final URI url;
    private final Duration timeout;

    HttpFunctionInvoker(HttpClient client, URI url, Duration timeout) {
        this.client = client;
        this.url = url;
        this.timeout = timeout;
    }

    @Override
    public InvokeResult invoke(byte[] event) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event))
                .build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            return status / 100 == 2 ? InvokeResult.ok(status, response.body())
                    : InvokeResult.failed(status, "Function call failed: HTTP " + status);
        } catch (HttpTimeoutException e) {
            return InvokeResult.failed(0, "Function call timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return InvokeResult.failed(0, "Function call failed: " + e);
        }
    }
}
