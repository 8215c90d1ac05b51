package dev.ddb.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.gateway.auth.Principals.InvalidPrincipalsException;

class PrincipalsFileTest {

    private static final String SECRET = "s3cr3t-never-shown";

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();

    private Path write(String json) throws IOException {
        Path file = dir.resolve("principals.json");
        Files.writeString(file, json);
        return file;
    }

    private static String file(String principals) {
        return "{\"accountId\": \"123456789012\", \"principals\": [" + principals + "]}";
    }

    private static String principal(String name, String key) {
        return "{\"name\": \"" + name + "\", \"accessKeyId\": \"" + key + "\", \"secretAccessKey\": \"" + SECRET + "\"}";
    }

    @Test
    void principalsAreFoundByAccessKeyWithTheirAccountAndPolicies() throws IOException {
        Path path = write(file("{\"name\": \"alice\", \"accessKeyId\": \"AKIAALICE\", \"secretAccessKey\": \"x\","
                + " \"policies\": [{\"Statement\": []}]}"));

        PrincipalKey alice = new PrincipalsFile(path).byAccessKeyId("AKIAALICE").orElseThrow();

        assertThat(alice.principal().accountId()).isEqualTo("123456789012");
        assertThat(alice.principal().policies()).hasSize(1);
        assertThat(alice.secretAccessKey()).isEqualTo("x");
        assertThat(alice.toString()).doesNotContain("x\"").contains("alice");
    }

    @Test
    void documentedExampleIsAUsablePrincipalsFile() {
        PrincipalsFile example = new PrincipalsFile(Path.of("..", "docs", "principals.example.json"));

        assertThat(example.byAccessKeyId("AKIAALICEEXAMPLE")).map(key -> key.principal().arn())
                .contains("arn:aws:iam::123456789012:user/alice");
        assertThat(example.byAccessKeyId("AKIABOBEXAMPLE")).map(key -> key.principal().policies().size()).contains(1);
    }

    @Test
    void changedFileIsReadAgainWithinASecond() throws IOException {
        Path path = write(file(principal("alice", "AKIAALICE")));
        PrincipalsFile principals = new PrincipalsFile(path, nanos::get);

        write(file(principal("alice", "AKIAALICE") + "," + principal("bob", "AKIABOB")));
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(principals.byAccessKeyId("AKIABOB")).isEmpty(); // not looked at again yet
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1001));

        assertThat(principals.byAccessKeyId("AKIABOB")).map(key -> key.principal().name()).contains("bob");
    }

    @Test
    void brokenNewFileKeepsTheLastGoodPrincipals() throws IOException {
        Path path = write(file(principal("alice", "AKIAALICE")));
        PrincipalsFile principals = new PrincipalsFile(path, nanos::get);

        write("{\"accountId\": \"123456789012\", \"principals\": [" + principal("bob", "AKIABOB"));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));

        assertThat(principals.byAccessKeyId("AKIAALICE")).isPresent();
        assertThat(principals.byAccessKeyId("AKIABOB")).isEmpty();
    }

    @Test
    void unusableFileAtStartStopsTheGateway() throws IOException {
        Path path = write("{\"accountId\": \"123456789012\"}");

        assertThatThrownBy(() -> new PrincipalsFile(path))
                .isInstanceOf(InvalidPrincipalsException.class)
                .hasMessage(path + ": \"principals\" must be an array of principals");
        assertThatThrownBy(() -> new PrincipalsFile(dir.resolve("missing.json")))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void duplicateAccessKeysAreRefused() {
        assertThatThrownBy(() -> Principals.parse(file(principal("alice", "AKIA1") + "," + principal("bob", "AKIA1"))
                .getBytes(), "p.json"))
                .hasMessage("p.json: principals[1] (bob): access key ID \"AKIA1\" is already alice's");
    }

    @Test
    void duplicateNamesAreRefused() {
        assertThatThrownBy(() -> Principals.parse(file(principal("alice", "AKIA1") + "," + principal("alice", "AKIA2"))
                .getBytes(), "p.json"))
                .hasMessage("p.json: principals[1]: the name \"alice\" is given twice");
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> Principals.parse(file("{\"name\": \"alice\", \"accessKeyId\": \"AKIA1\"}").getBytes(), "p.json"))
                .hasMessage("p.json: principals[0] (alice): \"secretAccessKey\" is missing (a non-empty string)");
        assertThatThrownBy(() -> Principals.parse(file("{\"accessKeyId\": \"AKIA1\"}").getBytes(), "p.json"))
                .hasMessage("p.json: principals[0]: \"name\" is missing (a non-empty string)");
        assertThatThrownBy(() -> Principals.parse("{\"principals\": []}".getBytes(), "p.json"))
                .hasMessage("p.json: \"accountId\" must be a 12-digit AWS account ID");
        assertThatThrownBy(() -> Principals.parse(file("{\"name\": \"a\", \"accessKeyId\": \"K\", \"secretAccessKey\": \"s\","
                + " \"policies\": [\"*\"]}").getBytes(), "p.json"))
                .hasMessage("p.json: principals[0] (a): policies[0] must be an IAM policy document (a JSON object)");
    }

    @Test
    void syntaxErrorsNameThePlaceButNeverTheText() {
        String broken = "{\"accountId\": \"123456789012\", \"principals\": [{\"secretAccessKey\": " + SECRET + "}]}";

        assertThatThrownBy(() -> Principals.parse(broken.getBytes(), "p.json"))
                .hasMessageStartingWith("p.json is not valid JSON (line 1, column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }
}
