package dev.ddb.backup.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.pitr.PitrArchives;
import dev.ddb.backup.pitr.PointInTimeItems;
import dev.ddb.backup.pitr.TableArchive;
import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.files.FileTrees;
import dev.ddb.common.json.Json;
import dev.ddb.common.table.KeySchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes exports in the background, in AWS's layout under the export root:
 * {@code <S3Bucket>/<S3Prefix>/AWSDynamoDB/<ExportId>/} holds {@code _started},
 * {@code data/<random>.json.gz} (gzip, one DynamoDB JSON line per item, a new file every
 * {@link #ITEMS_PER_FILE} items), {@code manifest-files.json} (one line per data file: itemCount,
 * md5Checksum (base64 MD5 of the gzip file), etag (hex MD5), dataFileS3Key),
 * {@code manifest-summary.json}, and a {@code .checksum} (hex MD5) beside each manifest. The export
 * is then COMPLETED, or FAILED with FailureCode and FailureMessage. An export found IN_PROGRESS at
 * a start (a crash) is written again from scratch: it reads the archive up to the watermark
 * recorded when it was requested, so it writes the same items.
 */
@Component
public class ExportRunner implements SmartInitializingSingleton, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExportRunner.class);
    static final int ITEMS_PER_FILE = 100_000;

    private final TransferCatalog catalog;
    private final PointInTimeItems pointInTime;
    private final PitrArchives archives;
    private final Path exportRoot;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "export");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    public ExportRunner(TransferCatalog catalog, PointInTimeItems pointInTime, PitrArchives archives,
                        BackupServiceProperties properties) {
        this.catalog = catalog;
        this.pointInTime = pointInTime;
        this.archives = archives;
        this.exportRoot = properties.exportRootPath();
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ObjectNode record : catalog.exports()) {
            if ("IN_PROGRESS".equals(record.path("Description").path("ExportStatus").stringValue(null))) {
                LOG.info("Resuming export {}", record.get("Arn").stringValue());
                start(record.get("Arn").stringValue());
            }
        }
    }

    public void start(String exportArn) {
        executor.execute(() -> {
            ObjectNode record = catalog.export(exportArn).orElse(null);
            if (record == null) {
                return;
            }
            try {
                run(record);
            } catch (RuntimeException e) {
                if (closed) {
                    return; // resumed at the next start
                }
                LOG.error("Export {} failed", exportArn, e);
                ObjectNode description = (ObjectNode) record.get("Description");
                description.put("ExportStatus", "FAILED")
                        .put("EndTime", TransferErrors.seconds(System.currentTimeMillis()))
                        .put("FailureCode", "UNKNOWN")
                        .put("FailureMessage", String.valueOf(e.getMessage()));
                catalog.putExport(exportArn, record);
            }
        });
    }

    /** The directory an S3 bucket maps to. */
    Path bucket(String bucket) {
        return exportRoot.resolve(bucket);
    }

    private void run(ObjectNode record) {
        ObjectNode description = (ObjectNode) record.get("Description");
        String bucket = description.get("S3Bucket").stringValue();
        String keyBase = record.get("KeyBase").stringValue();
        Path dir = bucket(bucket).resolve(keyBase);
        String tableId = description.get("TableId").stringValue();
        long sequenceBound = record.get("SequenceBound").longValue();
        try {
            FileTrees.delete(dir);
            Files.createDirectories(dir.resolve("data"));
            Files.write(dir.resolve("_started"), new byte[0]);
            DataFiles data = new DataFiles(dir.resolve("data"), keyBase + "data/");
            if ("INCREMENTAL_EXPORT".equals(description.get("ExportType").stringValue())) {
                JsonNode spec = description.get("IncrementalExportSpecification");
                boolean oldImages = "NEW_AND_OLD_IMAGES".equals(spec.get("ExportViewType").stringValue());
                incremental(tableId, record.get("FromMillis").longValue(), record.get("ToMillis").longValue(),
                        sequenceBound, oldImages, data);
            } else {
                pointInTime.lines(tableId, record.get("ExportMillis").longValue(), sequenceBound, data::write);
            }
            data.close();
            long end = System.currentTimeMillis();

            StringBuilder files = new StringBuilder();
            for (ObjectNode file : data.manifest) {
                files.append(new String(Json.write(file), StandardCharsets.UTF_8)).append('\n');
            }
            byte[] filesBytes = files.toString().getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve("manifest-files.json"), filesBytes);
            Files.writeString(dir.resolve("manifest-files.checksum"), HexFormat.of().formatHex(md5(filesBytes)));

            ObjectNode summary = Json.object()
                    .put("version", "2020-06-30")
                    .put("exportArn", description.get("ExportArn").stringValue())
                    .put("startTime", iso(millis(description.get("StartTime"))))
                    .put("endTime", iso(end))
                    .put("tableArn", description.get("TableArn").stringValue())
                    .put("tableId", tableId)
                    .put("exportTime", iso(millis(description.get("ExportTime"))))
                    .put("s3Bucket", bucket)
                    .put("s3Prefix", description.path("S3Prefix").stringValue(null))
                    .put("s3SseAlgorithm", "AES256")
                    .putNull("s3SseKmsKeyId")
                    .put("manifestFilesS3Key", keyBase + "manifest-files.json")
                    .put("billedSizeBytes", data.bytes)
                    .put("itemCount", data.totalItems)
                    .put("outputFormat", "DYNAMODB_JSON")
                    .put("exportType", description.get("ExportType").stringValue());
            if (description.has("IncrementalExportSpecification")) {
                JsonNode spec = description.get("IncrementalExportSpecification");
                summary.put("exportFromTime", iso(millis(spec.get("ExportFromTime"))))
                        .put("exportToTime", iso(millis(spec.get("ExportToTime"))));
            }
            byte[] summaryBytes = Json.write(summary);
            Files.write(dir.resolve("manifest-summary.json"), summaryBytes);
            Files.writeString(dir.resolve("manifest-summary.checksum"), HexFormat.of().formatHex(md5(summaryBytes)));

            description.put("ExportStatus", "COMPLETED")
                    .put("EndTime", TransferErrors.seconds(end))
                    .put("ExportManifest", keyBase + "manifest-summary.json")
                    .put("ItemCount", data.totalItems)
                    .put("BilledSizeBytes", data.bytes);
            catalog.putExport(description.get("ExportArn").stringValue(), record);
            LOG.info("Export {} completed: {} items", description.get("ExportArn").stringValue(), data.totalItems);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write export files under " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every item changed in [from, to): its keys, its last image in the period (none when it ended
     * deleted), and with NEW_AND_OLD_IMAGES its image before the period (none when it did not exist);
     * WriteTimestampMicros is the time of its last change. An item created and deleted in the period is left out.
     */
    private void incremental(String tableId, long from, long to, long sequenceBound, boolean oldImages, DataFiles data) {
        TableArchive archive = archives.archive(tableId).orElseThrow(() -> new IllegalStateException("the archive of table " + tableId + " is gone"));
        KeySchema keys = archive.table().keySchema();
        Map<String, ItemChange[]> changes = new LinkedHashMap<>();
        pointInTime.changes(tableId, from, to, sequenceBound, change -> {
            ItemChange[] firstAndLast = changes.computeIfAbsent(PointInTimeItems.keyString(keys, change.keys()),
                    k -> new ItemChange[] {change, change});
            firstAndLast[1] = change;
        });
        for (ItemChange[] firstAndLast : changes.values()) {
            Map<String, AttributeValue> oldImage = firstAndLast[0].oldImage();
            Map<String, AttributeValue> newImage = firstAndLast[1].newImage();
            if (oldImage == null && newImage == null) {
                continue;
            }
            ObjectNode line = Json.object();
            line.putObject("Metadata").putObject("WriteTimestampMicros")
                    .put("N", Long.toString(firstAndLast[1].timeMillis() * 1000));
            line.set("Keys", AttributeValueJson.writeItem(firstAndLast[1].keys()));
            if (newImage != null) {
                line.set("NewImage", AttributeValueJson.writeItem(newImage));
            }
            if (oldImages && oldImage != null) {
                line.set("OldImage", AttributeValueJson.writeItem(oldImage));
            }
            data.write(new String(Json.write(line), StandardCharsets.UTF_8));
        }
    }

    /** The data files of one export, with their manifest lines. */
    private static final class DataFiles {
        final Path dir;
        final String keyPrefix;
        final List<ObjectNode> manifest = new ArrayList<>();
        long totalItems;
        long bytes;
        private OutputStream out;
        private MessageDigest digest;
        private String key;
        private long items;

        DataFiles(Path dir, String keyPrefix) {
            this.dir = dir;
            this.keyPrefix = keyPrefix;
        }

        void write(String line) {
            try {
                if (out == null) {
                    String name = UUID.randomUUID().toString().replace("-", "").substring(0, 26) + ".json.gz";
                    key = keyPrefix + name;
                    digest = MessageDigest.getInstance("MD5");
                    out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(dir.resolve(name)), digest), 64 * 1024);
                    items = 0;
                }
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                out.write(bytes);
                out.write('\n');
                this.bytes += bytes.length + 1;
                items++;
                totalItems++;
                if (items == ITEMS_PER_FILE) {
                    finishFile();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private void finishFile() throws IOException {
            out.close();
            byte[] md5 = digest.digest();
            manifest.add(Json.object().put("itemCount", items)
                    .put("md5Checksum", Base64.getEncoder().encodeToString(md5))
                    .put("etag", HexFormat.of().formatHex(md5))
                    .put("dataFileS3Key", key));
            out = null;
        }

        void close() throws IOException {
            if (out == null && manifest.isEmpty()) {
                write0();
            }
            if (out != null) {
                finishFile();
            }
        }

        /** An export of no items still has one (empty) data file, as AWS's empty partitions do. */
        private void write0() throws IOException {
            try {
                String name = UUID.randomUUID().toString().replace("-", "").substring(0, 26) + ".json.gz";
                key = keyPrefix + name;
                digest = MessageDigest.getInstance("MD5");
                out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(dir.resolve(name)), digest));
                items = 0;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millis(JsonNode seconds) {
        return Math.round(seconds.doubleValue() * 1000);
    }

    private static String iso(long millis) {
        return java.time.Instant.ofEpochMilli(millis).toString();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
