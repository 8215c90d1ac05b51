package dev.ddb.standalone.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import dev.ddb.standalone.GatewayAuth;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;

/**
 * The console in verify mode: it asks for an access key and signs every call with SigV4 in the
 * browser (WebCrypto), which the gateway checks; a wrong secret is shown as the gateway's error;
 * the live stream, whose unsigned endpoint is refused in this mode, is read by signed polling; the
 * metrics view reads the meters with a signed GET, and an unsigned one is refused.
 */
class ConsoleVerifyModeBrowserTest {

    private static final String ACCESS_KEY = "AKIACONSOLEEXAMPLE";
    private static final String SECRET = "console-example-secret";

    @TempDir
    static Path dir;

    private static LocalStack stack;
    private static DynamoDbClient client;
    private static ChromeDriver browser;
    private static WebDriverWait waiting;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        Path principals = dir.resolve("principals.json");
        Files.writeString(principals, """
                {"accountId": "123456789012", "principals": [{"name": "console", "accessKeyId": "%s",
                  "secretAccessKey": "%s", "policies": [{"Version": "2012-10-17",
                  "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}]}]}]}
                """.formatted(ACCESS_KEY, SECRET));
        stack = LocalStack.start(StackSettings.ephemeral(dir.resolve("data")).withAuth(GatewayAuth.verify(principals)));
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)))
                .build();
        browser = HeadlessChromium.start(dir.resolve("browser"));
        waiting = new WebDriverWait(browser, Duration.ofSeconds(30));
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
    void theConsoleSignsWithTheKeyItIsGivenAndShowsTheGatewaysRefusal() throws Exception {
        client.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));

        browser.get(stack.gatewayUrl() + "/console");
        waiting.until(urlContains("#/sign-in"));
        signIn(ACCESS_KEY, "not-the-secret");
        waiting.until(presenceOfElementLocated(By.cssSelector(".error .error-type")));
        assertThat(browser.findElement(By.cssSelector(".error .error-type")).getText()).isEqualTo("InvalidSignatureException");
        HeadlessChromium.screenshot(browser, "verify-01-wrong-secret");

        browser.findElement(By.cssSelector("#signed-in button")).click();
        signIn(ACCESS_KEY, SECRET);
        WebElement table = waiting.until(presenceOfElementLocated(By.cssSelector("[data-table='Orders']")));
        HeadlessChromium.screenshot(browser, "verify-02-tables");
        table.click();
        waiting.until(textToBePresentInElementLocated(By.id("table-status"), "ACTIVE"));

        browser.findElement(By.id("tab-stream")).click();
        waiting.until(presenceOfElementLocated(By.id("stream-start"))).click();
        waiting.until(attributeToBe(By.id("stream-status"), "data-state", "watching"));
        client.putItem(b -> b.tableName("Orders").item(Map.of("id", AttributeValue.fromS("order-1"))));
        waiting.until(textToBePresentInElementLocated(By.id("stream-records"), "order-1"));
        assertThat(browser.findElement(By.cssSelector("#stream-records li")).getAttribute("data-event-name")).isEqualTo("INSERT");
        HeadlessChromium.screenshot(browser, "verify-03-stream-by-signed-polling");

        // The metrics tab reads the meters with a signed GET, which the gateway checks.
        browser.findElement(By.id("tab-metrics")).click();
        waiting.until(driver -> MetricsView.count(driver, "PutItem", "requests") == 1);
        HeadlessChromium.screenshot(browser, "verify-04-metrics");
        HttpResponse<String> unsignedMetrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/console/api/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsignedMetrics.statusCode()).isEqualTo(400);
        assertThat(unsignedMetrics.body()).contains("MissingAuthenticationTokenException");

        // The unsigned server-sent events endpoint would let anyone read any stream: refused here.
        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/console/api/tables/Orders/stream")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("AccessDeniedException");
    }

    private static void signIn(String accessKeyId, String secret) {
        WebElement key = waiting.until(presenceOfElementLocated(By.id("access-key-id")));
        key.clear();
        key.sendKeys(accessKeyId);
        browser.findElement(By.id("secret-access-key")).sendKeys(secret);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }
}
