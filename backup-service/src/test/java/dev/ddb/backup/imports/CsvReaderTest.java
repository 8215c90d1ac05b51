package dev.ddb.backup.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The import's CSV reader: RFC 4180 quoting, other delimiters, line endings. */
class CsvReaderTest {

    private static List<List<String>> rows(String text, char delimiter) throws IOException {
        ImportRunner.CsvReader reader = new ImportRunner.CsvReader(new StringReader(text), delimiter);
        List<List<String>> rows = new ArrayList<>();
        List<String> row;
        while ((row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void quotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes() throws IOException {
        assertThat(rows("id,name\r\n1,\"a, b\"\n2,\"line\nbreak\"\n3,\"say \"\"hi\"\"\"\n4,\n", ','))
                .containsExactly(List.of("id", "name"), List.of("1", "a, b"), List.of("2", "line\nbreak"),
                        List.of("3", "say \"hi\""), List.of("4", ""));
    }

    @Test
    void anotherDelimiterAndNoFinalLineBreak() throws IOException {
        assertThat(rows("1|x|y\n2||z", '|')).containsExactly(List.of("1", "x", "y"), List.of("2", "", "z"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKept() throws IOException {
        assertThat(rows("5 \"inch\",b\n", ',')).containsExactly(List.of("5 \"inch\"", "b"));
    }
}
