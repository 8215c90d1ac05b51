package dev.ddb.item;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.ddb.item.storage.Durability;

/**
 * @param dataDir    where the item store file lives
 * @param durability SYNC: a write is acknowledged after its group commit reached the disk (the log's fdatasync);
 *                   ASYNC: acknowledged at once, logged within a second: a crash loses up to the last second of writes
 */
@ConfigurationProperties("ddb.item")
public record ItemServiceProperties(Path dataDir, Durability durability) {
}
