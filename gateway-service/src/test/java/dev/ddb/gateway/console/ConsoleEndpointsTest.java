package dev.ddb.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.GatewayTestBase;

/**
 * The console's files and its settings and live stream endpoints, over HTTP: the page, its modules
 * (served as JavaScript, or browsers refuse them; uPlot's from its WebJar), the settings, and the
 * live stream's server-sent events from the Streams API calls the gateway makes, errors included.
 */
class ConsoleEndpointsTest extends GatewayTestBase {

    private static final String DESCRIBE_TABLE = "DynamoDB_20120810.DescribeTable";
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/Music/stream/2026-11-30T00:00:00.000";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void consoleRedirectsToItsPageWhichLoadsItsModules() throws Exception {
        HttpResponse<String> redirect = get("/console");
        assertThat(redirect.statusCode()).isEqualTo(308);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/console/");

        HttpResponse<String> page = get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">");

        for (String module : List.of("app.js", "api.js", "sigv4.js", "pages/stream.js", "pages/metrics.js", "meters.js",
                "charts.js", "lib/uplot/uPlot.esm.js")) {
            HttpResponse<String> file = get("/console/" + module);
            assertThat(file.statusCode()).as(module).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).as(module).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        }
    }

    @Test
    void uPlotsStylesComeFromItsWebJar() throws Exception {
        HttpResponse<String> css = get("/console/lib/uplot/uPlot.min.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains(".uplot");
    }

    @Test
    void aFileTheConsoleDoesNotHaveIsDynamoDbsNotFound() throws Exception {
        HttpResponse<String> missing = get("/console/no-such-file.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("UnknownOperationException");
    }

    @Test
    void aConnectionKeptAliveAnswersEveryRequestAfterTheConsolesFiles() throws Exception {
        // Reactor Netty before 1.3.8 could stop reading such a connection after its second request,
        // about every other time (reactor/reactor-netty#4361): a browser's next call never got its answer
        for (int round = 0; round < 20; round++) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(5_000);
                for (String path : List.of("/console/app.js", "/console/no-such-file.js", "/")) {
                    assertThat(exchange(socket, path)).as("round %d, %s", round, path).matches("HTTP/1\\.1 (200|404) .*");
                }
            }
        }
    }

    /** Sends {@code GET path} on the connection and reads the whole answer; its status line. */
    private static String exchange(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        DataInputStream in = new DataInputStream(socket.getInputStream());
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            head.append((char) in.readUnsignedByte());
        }
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
        assertThat(length.find()).as("Content-Length of %s", path).isTrue();
        in.readFully(new byte[Integer.parseInt(length.group(1))]);
        return head.substring(0, head.indexOf("\r\n"));
    }

    @Test
    void settingsSayOpenModeAndTheDefaultRegion() throws Exception {
        HttpResponse<String> settings = get("/console/api/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("\"authMode\":\"open\"", "\"region\":\"us-east-1\"", "\"liveStream\":true");
    }

    @Test
    void liveStreamSendsReadyThenEachRecordFromLatest() throws Exception {
        TABLES.answerWhen(request -> DESCRIBE_TABLE.equals(request.target()), Answer.json(200, """
                {"Table": {"TableName": "Music", "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"},
                  "LatestStreamArn": "%s"}}""".formatted(ARN)));
        STREAMS.answerWhen(request -> request.target().endsWith("DescribeStream"), Answer.json(200, """
                {"StreamDescription": {"StreamArn": "%s", "Shards": [
                  {"ShardId": "shard-closed", "SequenceNumberRange": {"StartingSequenceNumber": "1", "EndingSequenceNumber": "9"}},
                  {"ShardId": "shard-open", "SequenceNumberRange": {"StartingSequenceNumber": "10"}}]}}""".formatted(ARN)));
        STREAMS.answerWhen(request -> request.target().endsWith("GetShardIterator"), Answer.json(200, "{\"ShardIterator\": \"it-1\"}"));
        STREAMS.answerWhen(request -> request.target().endsWith("GetRecords") && request.bodyText().contains("it-1"), Answer.json(200, """
                {"Records": [{"eventName": "INSERT", "dynamodb": {"Keys": {"Artist": {"S": "Acme"}}, "SequenceNumber": "11"}}],
                 "NextShardIterator": "it-2"}"""));
        STREAMS.answerWhen(request -> request.target().endsWith("GetRecords"), Answer.json(200, "{\"Records\": [], \"NextShardIterator\": \"it-2\"}"));

        List<String> lines = readEvents("/console/api/tables/Music/stream", "data:{\"eventName\":\"INSERT\"");

        assertThat(lines).containsSubsequence("event:ready", "data:{\"StreamArn\":\"" + ARN + "\",\"Shards\":1}",
                "id:11", "event:record");
        assertThat(STREAMS.received()).filteredOn(request -> request.target().endsWith("GetShardIterator"))
                .singleElement().satisfies(request -> assertThat(request.bodyText())
                        .contains("\"ShardId\":\"shard-open\"", "\"ShardIteratorType\":\"LATEST\""));
    }

    @Test
    void aTableWithoutAStreamIsAnErrorEvent() throws Exception {
        TABLES.answerWhen(request -> DESCRIBE_TABLE.equals(request.target()),
                Answer.json(200, "{\"Table\": {\"TableName\": \"Plain\"}}"));

        List<String> lines = readEvents("/console/api/tables/Plain/stream", null);

        assertThat(lines).contains("event:error");
        assertThat(String.join("\n", lines)).contains("ValidationException", "Table Plain has no stream enabled");
    }

    @Test
    void theServicesErrorIsTheErrorEvent() throws Exception {
        String notFound = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found: Table: Nope not found\"}";
        TABLES.answerWhen(request -> DESCRIBE_TABLE.equals(request.target()), Answer.json(400, notFound));

        List<String> lines = readEvents("/console/api/tables/Nope/stream", null);

        assertThat(lines).containsSubsequence("event:error", "data:" + notFound);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The event stream's lines until one starts with {@code until}, or until the gateway ends the stream. */
    private List<String> readEvents(String path, String until) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (until != null && line.startsWith(until)) {
                    break;
                }
            }
        }
        return lines;
    }
}
