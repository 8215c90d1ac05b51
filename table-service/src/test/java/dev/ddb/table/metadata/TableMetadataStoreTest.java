package dev.ddb.table.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

class TableMetadataStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void answeredChangeIsOnDiskEvenIfTheProcessDiesWithoutClosing() throws IOException {
        try (TableMetadataStore store = new TableMetadataStore(dataDir)) {
            store.compute("Music", none -> table("Music"));
            // What kill -9 leaves behind is the file as it is now: copy it and open the copy.
            Path crashed = Files.createDirectory(dataDir.resolve("crashed"));
            Files.copy(dataDir.resolve(TableMetadataStore.FILE_NAME), crashed.resolve(TableMetadataStore.FILE_NAME));
            try (TableMetadataStore reopened = new TableMetadataStore(crashed)) {
                assertThat(reopened.find("Music")).contains(table("Music"));
            }
        }
    }

    @Test
    void tablesSurviveClosingAndReopening() {
        try (TableMetadataStore store = new TableMetadataStore(dataDir)) {
            store.compute("Music", none -> table("Music"));
            store.compute("Books", none -> table("Books"));
            store.compute("Books", existing -> null);
        }
        try (TableMetadataStore store = new TableMetadataStore(dataDir)) {
            assertThat(store.tableNames(null, 10)).containsExactly("Music");
        }
    }

    @Test
    void refusedChangeWritesNothing() {
        try (TableMetadataStore store = new TableMetadataStore(dataDir)) {
            assertThatThrownBy(() -> store.compute("Music", none -> {
                throw new IllegalStateException("refused");
            })).hasMessage("refused");
            assertThat(store.find("Music")).isEmpty();
        }
    }

    @Test
    void tableNamesArePagedInSortOrderAfterTheExclusiveStart() {
        try (TableMetadataStore store = new TableMetadataStore(dataDir)) {
            for (String name : new String[] {"delta", "alpha", "charlie", "bravo"}) {
                store.compute(name, none -> table(name));
            }
            assertThat(store.tableNames(null, 2)).containsExactly("alpha", "bravo");
            assertThat(store.tableNames("bravo", 2)).containsExactly("charlie", "delta");
            assertThat(store.tableNames("b", 10)).containsExactly("bravo", "charlie", "delta");
            assertThat(store.tableNames("delta", 10)).isEmpty();
        }
    }

    private static ObjectNode table(String name) {
        return Json.object().put("TableName", name).put("TableStatus", "ACTIVE");
    }
}
