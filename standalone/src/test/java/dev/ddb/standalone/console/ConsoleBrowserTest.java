package dev.ddb.standalone.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;

/**
 * The web console at /console, driven in headless Chromium against the whole stack in-process:
 * what the browser does is checked with a real SDK client, and what the SDK does shows in the
 * browser (its request counts and latencies too). Screenshots of each page land in target/console-screenshots.
 */
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path browserProfile;

    private static LocalStack stack;
    private static DynamoDbClient client;
    private static ChromeDriver browser;
    private static WebDriverWait waiting;

    @BeforeAll
    static void start() {
        HeadlessChromium.assumeInstalled();
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = Clients.dynamoDb(stack.gatewayUrl());
        browser = HeadlessChromium.start(browserProfile);
        waiting = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (client != null) {
            client.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void createATablePutAndEditAnItemQueryItWatchItsStreamAndDeleteIt() {
        browser.get(stack.gatewayUrl() + "/console");
        waiting.until(presenceOfElementLocated(By.id("create-table")));
        shot("01-tables");

        // Create a table with a sort key, a GSI and a stream.
        click("create-table");
        type("table-name", "Music");
        type("partition-key", "Artist");
        type("sort-key", "SongTitle");
        type("gsi-name", "ByAlbum");
        type("gsi-partition-key", "AlbumTitle");
        choose("stream-view-type", "NEW_AND_OLD_IMAGES");
        shot("02-create-table");
        click("create-table-submit");
        waiting.until(urlContains("#/tables/Music"));
        waiting.until(textToBePresentInElementLocated(By.id("table-status"), "ACTIVE"));
        assertThat(text("table-stream")).startsWith("NEW_AND_OLD_IMAGES");
        assertThat(text("table-indexes")).contains("ByAlbum");
        shot("03-table-overview");
        TableDescription created = client.describeTable(b -> b.tableName("Music")).table();
        assertThat(created.globalSecondaryIndexes()).singleElement().satisfies(index -> assertThat(index.indexName()).isEqualTo("ByAlbum"));
        assertThat(created.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);

        // An error is shown as DynamoDB answers it: the same name again.
        browser.get(stack.gatewayUrl() + "/console/#/create");
        type("table-name", "Music");
        type("partition-key", "Artist");
        click("create-table-submit");
        waiting.until(presenceOfElementLocated(By.cssSelector(".error .error-type")));
        assertThat(browser.findElement(By.cssSelector(".error .error-type")).getText()).isEqualTo("ResourceInUseException");
        assertThat(browser.findElement(By.cssSelector(".error .error-message")).getText()).contains("Music");
        shot("04-error-shown");

        // Watch the stream live in one tab...
        browser.get(stack.gatewayUrl() + "/console/#/tables/Music/stream");
        click("stream-start");
        waiting.until(attributeToBe(By.id("stream-status"), "data-state", "watching"));
        String streamTab = browser.getWindowHandle();

        // ...while another puts an item, then edits it.
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(stack.gatewayUrl() + "/console/#/tables/Music/items");
        click("new-item");
        WebElement editor = waiting.until(presenceOfElementLocated(By.id("item-json")));
        waiting.until(driver -> editor.getAttribute("value").contains("Artist"));
        editor.clear();
        editor.sendKeys("""
                {"Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"},
                 "AlbumTitle": {"S": "Somewhat Famous"}, "Year": {"N": "2015"}}""");
        click("save-item");
        waiting.until(textToBePresentInElementLocated(By.id("item-status"), "Saved"));
        assertThat(client.getItem(b -> b.tableName("Music").key(key())).item())
                .containsEntry("Year", AttributeValue.fromN("2015"));

        browser.get(stack.gatewayUrl() + "/console/#/tables/Music/items");
        waiting.until(textToBePresentInElementLocated(By.id("items"), "Call Me Today"));
        shot("05-items");
        browser.findElement(By.linkText("Edit")).click();
        WebElement loaded = waiting.until(presenceOfElementLocated(By.id("item-json")));
        waiting.until(driver -> loaded.getAttribute("value").contains("Somewhat Famous"));
        loaded.clear();
        loaded.sendKeys("""
                {"Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"},
                 "AlbumTitle": {"S": "Somewhat Famous"}, "Year": {"N": "2016"}, "Genre": {"S": "Country"}}""");
        shot("06-edit-item");
        click("save-item");
        waiting.until(textToBePresentInElementLocated(By.id("item-status"), "Saved"));
        assertThat(client.getItem(b -> b.tableName("Music").key(key())).item())
                .containsEntry("Year", AttributeValue.fromN("2016"))
                .containsEntry("Genre", AttributeValue.fromS("Country"));

        // Query by partition key and sort key prefix, with a filter; the result shows the edit.
        client.putItem(b -> b.tableName("Music").item(Map.of("Artist", AttributeValue.fromS("No One You Know"),
                "SongTitle", AttributeValue.fromS("My Dog Spot"), "Year", AttributeValue.fromN("1999"))));
        browser.get(stack.gatewayUrl() + "/console/#/tables/Music/query");
        type("query-partition-value", "No One You Know");
        choose("query-sort-operator", "begins_with");
        type("query-sort-value", "Call");
        type("query-filter", "#g = :g");
        type("query-names", "{\"#g\": \"Genre\"}");
        type("query-values", "{\":g\": {\"S\": \"Country\"}}");
        click("query-run");
        waiting.until(textToBePresentInElementLocated(By.id("query-summary"), "1 items returned"));
        assertThat(text("query-results")).contains("Call Me Today", "2016", "Country").doesNotContain("My Dog Spot");
        assertThat(text("query-json")).contains("\"Genre\"", "\"Count\": 1");
        shot("07-query");

        // Browse one item a page (Scan, Limit 1, ExclusiveStartKey), then delete the second page's item.
        browser.get(stack.gatewayUrl() + "/console/#/tables/Music/items");
        waiting.until(textToBePresentInElementLocated(By.id("items"), "My Dog Spot"));
        type("page-size", "1" + Keys.TAB);
        waiting.until(textToBePresentInElementLocated(By.id("page-number"), "Page 1 · 1 items"));
        assertThat(text("items")).contains("Call Me Today").doesNotContain("My Dog Spot");
        click("next-page");
        waiting.until(textToBePresentInElementLocated(By.id("page-number"), "Page 2 · 1 items"));
        assertThat(text("items")).contains("My Dog Spot").doesNotContain("Call Me Today");
        browser.findElement(By.xpath("//tr[td[text()='My Dog Spot']]//button[text()='Delete']")).click();
        acceptConfirmation();
        waiting.until(driver -> !text("items").contains("My Dog Spot"));
        click("previous-page");
        waiting.until(textToBePresentInElementLocated(By.id("items"), "Call Me Today"));
        assertThat(client.getItem(b -> b.tableName("Music").key(Map.of("Artist", AttributeValue.fromS("No One You Know"),
                "SongTitle", AttributeValue.fromS("My Dog Spot")))).hasItem()).isFalse();

        // The stream tab saw every change arrive.
        browser.switchTo().window(streamTab);
        waiting.until(driver -> driver.findElements(By.cssSelector("#stream-records li")).size() >= 4);
        List<String> events = browser.findElements(By.cssSelector("#stream-records li")).stream()
                .map(record -> record.getAttribute("data-event-name")).toList();
        assertThat(events).containsExactlyInAnyOrder("INSERT", "MODIFY", "INSERT", "REMOVE");
        assertThat(text("stream-records")).contains("Call Me Today");
        shot("08-stream");

        // The metrics tab: figures and graphs from the services' meters, moving with the requests made.
        browser.get(stack.gatewayUrl() + "/console/#/tables/Music/metrics");
        // So far 3 PutItems: the console's two saves and the SDK's put.
        waiting.until(driver -> figure("PutItem", "requests") == 3);
        for (int i = 0; i < 5; i++) {
            client.getItem(b -> b.tableName("Music").key(key()));
        }
        // Puts go on until the view shows a rate of them (two samples with puts between them).
        AtomicInteger puts = new AtomicInteger();
        waiting.until(driver -> {
            int n = puts.getAndIncrement();
            client.putItem(b -> b.tableName("Music").item(Map.of("Artist", AttributeValue.fromS("Metered"),
                    "SongTitle", AttributeValue.fromS("Song " + n))));
            return number(figureText("PutItem", "requests-per-second")) > 0;
        });
        int made = puts.get();
        waiting.until(driver -> figure("PutItem", "requests") == 3 + made);
        assertThat(figure("GetItem", "requests")).isGreaterThanOrEqualTo(5);
        assertThat(number(figureText("GetItem", "p50"))).isPositive();
        assertThat(number(figureText("GetItem", "p99"))).isGreaterThanOrEqualTo(number(figureText("GetItem", "p50")));
        assertThat(number(MetricsView.text(browser, "#metrics-capacity tr[data-index=''] td[data-figure='consumed-write']")))
                .isGreaterThanOrEqualTo(made);
        WebElement requestsChart = browser.findElement(By.id("chart-requests"));
        assertThat(requestsChart.getAttribute("data-lines")).contains("PutItem", "GetItem");
        assertThat(requestsChart.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("chart-latency")).getAttribute("data-lines")).isEqualTo("p50,p99");
        shot("09-table-metrics");

        // Every table's metrics, a row per table.
        browser.get(stack.gatewayUrl() + "/console/#/metrics");
        waiting.until(driver -> figure("Music", "requests") >= 3 + made + 5);
        shot("10-metrics");

        // Delete the table.
        browser.get(stack.gatewayUrl() + "/console/#/tables/Music");
        waiting.until(textToBePresentInElementLocated(By.id("table-status"), "ACTIVE"));
        click("delete-table");
        acceptConfirmation();
        waiting.until(driver -> driver.getCurrentUrl().endsWith("#/"));
        waiting.until(presenceOfElementLocated(By.id("tables")));
        waiting.until(driver -> !text("tables").contains("Loading"));
        assertThat(text("tables")).doesNotContain("Music");
        assertThat(client.listTables().tableNames()).doesNotContain("Music");
        shot("11-tables-after-delete");
    }

    @Test
    void percentilesAndRatesAreWorkedOutAsPromQlWorksThemOut() {
        browser.get(stack.gatewayUrl() + "/console/");
        // Two snapshots of one GetItem histogram (buckets trimmed as the endpoint sends them): 10
        // requests up to 4 ms, then 10 more, 2 of them up to 4 ms and 8 up to 8 ms.
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/meters.js').then((m) => {
                  const snapshot = (count, buckets) => ({ capacity: [], operations: [{ table: 'T', operation: 'GetItem',
                    requests: count, latency: { count, sum: 0, buckets } }] });
                  const all = (s) => m.totalsBy(s, () => '*').get('*');
                  const before = all(snapshot(10, [[0.001, 0], [0.002, 4], [0.004, 10]]));
                  const after = all(snapshot(20, [[0.001, 0], [0.002, 4], [0.004, 12], [0.008, 20]]));
                  const between = m.latencyBetween(before, after);
                  done({ p50: m.quantile(between, 0.5), p99: m.quantile(between, 0.99), count: between.count,
                    p50SinceStart: m.quantile(after.latency, 0.5), none: m.quantile(m.latencyBetween(after, after), 0.5),
                    increase: m.increase(before.requests, after.requests), afterReset: m.increase(20, 3) });
                }).catch((e) => done({ error: String(e) }));""");

        assertThat(figures).doesNotContainKey("error");
        assertThat(((Number) figures.get("count")).doubleValue()).isEqualTo(10);
        // histogram_quantile: linear within the bucket the rank falls in.
        assertThat(((Number) figures.get("p50")).doubleValue()).isCloseTo(0.0055, within(1e-9));
        assertThat(((Number) figures.get("p99")).doubleValue()).isCloseTo(0.00795, within(1e-9));
        assertThat(((Number) figures.get("p50SinceStart")).doubleValue()).isCloseTo(0.0035, within(1e-9));
        assertThat(figures.get("none")).isNull();
        assertThat(((Number) figures.get("increase")).doubleValue()).isEqualTo(10);
        assertThat(((Number) figures.get("afterReset")).doubleValue()).isEqualTo(3); // a restart started the counter again
    }

    private static String figureText(String group, String figure) {
        return MetricsView.figureText(browser, group, figure);
    }

    private static long figure(String group, String figure) {
        return MetricsView.count(browser, group, figure);
    }

    /** A figure as a number; "–" or no figure (none yet) is 0. */
    private static double number(String shown) {
        return shown == null || shown.equals("–") ? 0 : Double.parseDouble(shown.replace(",", ""));
    }

    /** Says OK to the page's confirm(). */
    private static void acceptConfirmation() {
        waiting.until(ExpectedConditions.alertIsPresent()).accept();
    }

    private static Map<String, AttributeValue> key() {
        return Map.of("Artist", AttributeValue.fromS("No One You Know"), "SongTitle", AttributeValue.fromS("Call Me Today"));
    }

    private static void click(String id) {
        waiting.until(presenceOfElementLocated(By.id(id))).click();
    }

    private static void type(String id, String text) {
        WebElement input = waiting.until(presenceOfElementLocated(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    private static void choose(String id, String value) {
        new Select(waiting.until(presenceOfElementLocated(By.id(id)))).selectByValue(value);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void shot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }
}
