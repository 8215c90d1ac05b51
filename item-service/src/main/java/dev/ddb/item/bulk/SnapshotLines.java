package dev.ddb.item.bulk;

import java.io.ByteArrayOutputStream;
import java.util.Iterator;

import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.json.Json;
import dev.ddb.item.storage.KeyRange;
import dev.ddb.item.storage.StoredItem;
import dev.ddb.item.storage.TableSnapshot;
import tools.jackson.databind.node.ObjectNode;

/**
 * A table's items as of one snapshot, as newline-delimited JSON in the layout of DynamoDB's
 * exports: one {@code {"Item":{...}}} line per item in key order, then one last line
 * {@code {"ItemCount":n}}, so that a reader can tell a complete stream from a cut one.
 * Read in blocks of about {@link #BLOCK_BYTES}, for a streamed response.
 */
public final class SnapshotLines {

    static final int BLOCK_BYTES = 64 * 1024;

    private final Iterator<StoredItem> items;
    private long count;
    private boolean ended;

    public SnapshotLines(TableSnapshot snapshot) {
        this.items = snapshot.range(KeyRange.all(), true, null);
    }

    /** The next block of lines, or null after the ItemCount line. */
    public byte[] nextBlock() {
        if (ended) {
            return null;
        }
        ByteArrayOutputStream block = new ByteArrayOutputStream(BLOCK_BYTES + 1024);
        while (block.size() < BLOCK_BYTES && items.hasNext()) {
            ObjectNode line = Json.object();
            line.set("Item", AttributeValueJson.writeItem(items.next().item()));
            block.writeBytes(Json.write(line));
            block.write('\n');
            count++;
        }
        if (!items.hasNext()) {
            block.writeBytes(Json.write(Json.object().put("ItemCount", count)));
            block.write('\n');
            ended = true;
        }
        return block.toByteArray();
    }
}
