package dev.ddb.backup.imports;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.clients.InternalRetry;
import dev.ddb.backup.clients.ItemServiceClient;
import dev.ddb.backup.clients.RestoreAlreadyLoadedException;
import dev.ddb.backup.clients.RestoreTargetGoneException;
import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.backup.export.TransferCatalog;
import dev.ddb.backup.export.TransferErrors;
import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.json.Json;
import dev.ddb.common.table.TableDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs imports in the background: reads every file under {@code <export-root>/<S3Bucket>} whose key
 * (its path below the bucket, with '/') starts with S3KeyPrefix, in key order (an export's
 * {@code manifest-*}, {@code *.checksum} and {@code _started} files are skipped), turns each line
 * (DYNAMODB_JSON: {@code {"Item":{...}}}) or row (CSV) into an item, and has item-service load them
 * into the new table in chunks; then table-service makes it ACTIVE. A line that is no item (bad
 * JSON, a key attribute missing or of another type than its AttributeDefinition, over 400 KB) is
 * counted in ErrorCount and skipped, as DynamoDB does. An import that cannot complete (no such
 * bucket, the table deleted meanwhile) is FAILED and its table removed. An import IN_PROGRESS at a
 * start (a crash) loads again from its first file: loading puts whole items, so that is harmless.
 */
@Component
public class ImportRunner implements SmartInitializingSingleton, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);
    static final int CHUNK_LINES = 1000;
    static final int CHUNK_BYTES = 1024 * 1024;
    static final int MAX_ITEM_BYTES = 400 * 1024;
    /** An internal call that fails is tried this many times, a second apart, before the import fails. */
    private static final int ATTEMPTS = 60;

    private final TransferCatalog catalog;
    private final TableServiceClient tables;
    private final ItemServiceClient items;
    private final Path exportRoot;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "import");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    private final InternalRetry retry = InternalRetry.attempts(ATTEMPTS, 1000, () -> this.closed);

    public ImportRunner(TransferCatalog catalog, TableServiceClient tables, ItemServiceClient items,
                        BackupServiceProperties properties) {
        this.catalog = catalog;
        this.tables = tables;
        this.items = items;
        this.exportRoot = properties.exportRootPath();
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ObjectNode record : catalog.imports()) {
            if ("IN_PROGRESS".equals(record.get("Description").get("ImportStatus").stringValue())) {
                LOG.info("Resuming import {}", record.get("Arn").stringValue());
                start(record.get("Arn").stringValue());
            }
        }
    }

    public void start(String importArn) {
        executor.execute(() -> {
            ObjectNode record = catalog.importRecord(importArn).orElse(null);
            if (record == null) {
                return;
            }
            try {
                run(record);
            } catch (RuntimeException e) {
                if (closed) {
                    return; // resumed at the next start
                }
                LOG.error("Import {} failed", importArn, e);
                fail(record, "UNKNOWN", String.valueOf(e.getMessage()));
            }
        });
    }

    private void run(ObjectNode record) {
        ObjectNode description = (ObjectNode) record.get("Description");
        String importArn = description.get("ImportArn").stringValue();
        String tableKey = record.get("TableKey").stringValue();
        Optional<TableDescription> found = retry.call(() -> tables.table(tableKey));
        TableDescription table = found.filter(t -> t.restoreSummary() != null
                && importArn.equals(t.restoreSummary().sourceTableArn())).orElse(null);
        if (table == null) {
            failed(record, "TableGone", "The table being imported into is gone");
            return;
        }
        if (!description.has("TableId")) {
            description.put("TableId", table.tableId());
            catalog.putImport(importArn, record);
        }
        String tableId = description.get("TableId").stringValue();
        if (!table.tableId().equals(tableId)) {
            failed(record, "TableGone", "The table being imported into is gone");
            return;
        }
        if (!table.restoreInProgress()) {
            finished(record, description);
            return;
        }
        String bucket = description.get("S3BucketSource").get("S3Bucket").stringValue();
        String prefix = Optional.ofNullable(ImportTableOperation.text(description.get("S3BucketSource"), "S3KeyPrefix")).orElse("");
        Path bucketDir = exportRoot.resolve(bucket);
        if (!Files.isDirectory(bucketDir)) {
            fail(record, "NoSuchBucket", "The specified bucket does not exist: " + bucket);
            return;
        }
        List<Path> files = new ArrayList<>();
        try (var paths = Files.walk(bucketDir)) {
            paths.filter(Files::isRegularFile).forEach(path -> {
                String key = bucketDir.relativize(path).toString().replace('\\', '/');
                String name = path.getFileName().toString();
                if (key.startsWith(prefix) && !name.startsWith("manifest-") && !name.endsWith(".checksum")
                        && !name.equals("_started")) {
                    files.add(path);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        if (files.isEmpty()) {
            fail(record, "NoSuchKey", "No object found under s3://" + bucket + "/" + prefix);
            return;
        }
        Counts counts = new Counts();
        Loader loader = new Loader(tableKey, tableId, counts);
        boolean gzip = "GZIP".equals(description.get("InputCompressionType").stringValue());
        boolean csv = "CSV".equals(description.get("InputFormat").stringValue());
        ItemShape shape = ItemShape.of(description.get("TableCreationParameters"));
        try {
            for (Path file : files) {
                try (InputStream raw = Files.newInputStream(file);
                     InputStream in = gzip ? new GZIPInputStream(raw, 64 * 1024) : raw;
                     BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024)) {
                    if (csv) {
                        readCsv(reader, description.path("InputFormatOptions").path("Csv"), shape, counts, loader);
                    } else {
                        readJson(reader, shape, counts, loader);
                    }
                } catch (IOException e) {
                    fail(record, "InvalidObject", "Cannot read " + bucketDir.relativize(file) + ": " + e.getMessage());
                    return;
                }
            }
            loader.flush();
        } catch (RestoreAlreadyLoadedException e) {
            LOG.info("Import {}: {}", importArn, e.getMessage());
        } catch (RestoreTargetGoneException e) {
            failed(record, "TableGone", e.getMessage());
            return;
        }
        description.put("ProcessedItemCount", counts.processed)
                .put("ProcessedSizeBytes", counts.bytes)
                .put("ImportedItemCount", counts.loaded - counts.refused)
                .put("ErrorCount", counts.errors + counts.refused);
        retry.call(() -> tables.finish(tableKey, tableId));
        finished(record, description);
    }

    private void finished(ObjectNode record, ObjectNode description) {
        description.put("ImportStatus", "COMPLETED").put("EndTime", TransferErrors.seconds(System.currentTimeMillis()));
        catalog.putImport(description.get("ImportArn").stringValue(), record);
        LOG.info("Import {} completed: {} items, {} errors", description.get("ImportArn").stringValue(),
                description.get("ImportedItemCount"), description.get("ErrorCount"));
    }

    /** The import cannot complete: its table goes. */
    private void fail(ObjectNode record, String code, String message) {
        ObjectNode description = (ObjectNode) record.get("Description");
        if (description.has("TableId")) {
            String tableId = description.get("TableId").stringValue();
            try {
                retry.run(() -> tables.abandon(record.get("TableKey").stringValue(), tableId));
            } catch (RuntimeException e) {
                LOG.warn("Import {}: cannot remove its table: {}", description.get("ImportArn").stringValue(), e.toString());
            }
        }
        failed(record, code, message);
    }

    private void failed(ObjectNode record, String code, String message) {
        ObjectNode description = (ObjectNode) record.get("Description");
        description.put("ImportStatus", "FAILED").put("EndTime", TransferErrors.seconds(System.currentTimeMillis()))
                .put("FailureCode", code).put("FailureMessage", message);
        catalog.putImport(description.get("ImportArn").stringValue(), record);
        // WARN: most failures are the caller's to fix (no such bucket or object, a file that is not one);
        // an unexpected one was logged at ERROR with its cause before
        LOG.warn("Import {} failed: {} {}", description.get("ImportArn").stringValue(), code, message);
    }

    private static final class Counts {
        long processed;
        long bytes;
        long errors;
        long loaded;
        long refused;
    }

    /** The key attributes of the table and their types, from TableCreationParameters. */
    record ItemShape(Map<String, String> keyTypes) {
        static ItemShape of(JsonNode parameters) {
            Map<String, String> types = new HashMap<>();
            for (JsonNode definition : parameters.path("AttributeDefinitions")) {
                types.put(definition.get("AttributeName").stringValue(), definition.get("AttributeType").stringValue());
            }
            Map<String, String> keys = new LinkedHashMap<>();
            for (JsonNode element : parameters.path("KeySchema")) {
                String name = element.get("AttributeName").stringValue();
                keys.put(name, types.get(name));
            }
            return new ItemShape(keys);
        }

        /** Whether the item has every key attribute, of its type and not empty. */
        boolean valid(Map<String, AttributeValue> item) {
            for (Map.Entry<String, String> key : keyTypes.entrySet()) {
                AttributeValue value = item.get(key.getKey());
                if (value == null || !value.type().equals(key.getValue())) {
                    return false;
                }
                if (value instanceof AttributeValue.S s && s.value().isEmpty()
                        || value instanceof AttributeValue.B b && b.value().length == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private static void readJson(BufferedReader reader, ItemShape shape, Counts counts, Loader loader) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            counts.processed++;
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            counts.bytes += bytes.length + 1;
            Map<String, AttributeValue> item;
            try {
                JsonNode node = Json.read(bytes).get("Item");
                item = node == null || !node.isObject() ? null : AttributeValueJson.readItem(node);
            } catch (RuntimeException e) {
                item = null;
            }
            accept(item, shape, counts, loader);
        }
    }

    private static void accept(Map<String, AttributeValue> item, ItemShape shape, Counts counts, Loader loader) {
        if (item == null || !shape.valid(item)) {
            counts.errors++;
            return;
        }
        ObjectNode line = Json.object();
        line.set("Item", AttributeValueJson.writeItem(item));
        byte[] bytes = Json.write(line);
        if (bytes.length > MAX_ITEM_BYTES) {
            counts.errors++;
            return;
        }
        loader.add(bytes);
    }

    /**
     * CSV rows (RFC 4180 quoting: a field in double quotes may hold the delimiter, line breaks and
     * doubled quotes): the first row of each file names the columns unless HeaderList does. A key
     * column is of its AttributeDefinition's type (N, or B as base64), every other value a String;
     * empty values are left out. A row with another number of fields than the header, or a key
     * missing or not of its type, is an error.
     */
    private static void readCsv(BufferedReader reader, JsonNode csvOptions, ItemShape shape, Counts counts, Loader loader)
            throws IOException {
        char delimiter = csvOptions.has("Delimiter") ? csvOptions.get("Delimiter").stringValue().charAt(0) : ',';
        List<String> header = null;
        if (csvOptions.has("HeaderList") && !csvOptions.get("HeaderList").isNull()) {
            header = new ArrayList<>();
            for (JsonNode name : csvOptions.get("HeaderList")) {
                header.add(name.stringValue());
            }
        }
        CsvReader rows = new CsvReader(reader, delimiter);
        List<String> row;
        while ((row = rows.next()) != null) {
            if (header == null) {
                header = row;
                continue;
            }
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue; // a blank line
            }
            counts.processed++;
            counts.bytes += rows.lastBytes;
            if (row.size() != header.size()) {
                counts.errors++;
                continue;
            }
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            boolean bad = false;
            for (int i = 0; i < row.size(); i++) {
                String name = header.get(i);
                String value = row.get(i);
                String keyType = shape.keyTypes().get(name);
                if (value.isEmpty()) {
                    continue;
                }
                try {
                    if ("N".equals(keyType)) {
                        item.put(name, new AttributeValue.N(new BigDecimal(value.trim())));
                    } else if ("B".equals(keyType)) {
                        item.put(name, new AttributeValue.B(Base64.getDecoder().decode(value.trim())));
                    } else {
                        item.put(name, new AttributeValue.S(value));
                    }
                } catch (RuntimeException e) {
                    bad = true;
                }
            }
            accept(bad ? null : item, shape, counts, loader);
        }
    }

    /** A minimal RFC 4180 reader. */
    static final class CsvReader {
        private final Reader in;
        private final char delimiter;
        private int peeked = -2;
        long lastBytes;

        CsvReader(Reader in, char delimiter) {
            this.in = in;
            this.delimiter = delimiter;
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        /** The next row's fields, or null at the end. */
        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            long chars = 0;
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (c == -1) {
                    break;
                }
                chars++;
                if (quoted) {
                    if (c == '"') {
                        int after = read();
                        if (after == '"') {
                            field.append('"');
                            chars++;
                        } else {
                            quoted = false;
                            peeked = after;
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n') {
                    break;
                } else if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        peeked = after;
                    }
                    break;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
            fields.add(field.toString());
            lastBytes = chars;
            return fields;
        }
    }

    /** Chunks of item lines loaded into the new table through item-service. */
    private final class Loader {
        private final String tableKey;
        private final String tableId;
        private final Counts counts;
        private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + 64 * 1024);
        private int lines;

        Loader(String tableKey, String tableId, Counts counts) {
            this.tableKey = tableKey;
            this.tableId = tableId;
            this.counts = counts;
        }

        void add(byte[] line) {
            chunk.writeBytes(line);
            chunk.write('\n');
            counts.loaded++;
            if (++lines == CHUNK_LINES || chunk.size() >= CHUNK_BYTES) {
                flush();
            }
        }

        void flush() {
            if (lines == 0) {
                return;
            }
            byte[] bytes = chunk.toByteArray();
            counts.refused += retry.call(() -> items.load(tableKey, tableId, bytes));
            chunk.reset();
            lines = 0;
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
