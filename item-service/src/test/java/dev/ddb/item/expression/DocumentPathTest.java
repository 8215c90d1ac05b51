package dev.ddb.item.expression;

import static dev.ddb.item.expression.Values.item;
import static dev.ddb.item.expression.Values.l;
import static dev.ddb.item.expression.Values.m;
import static dev.ddb.item.expression.Values.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentPathTest {

    private static final DocumentPath PATH = new DocumentPath(List.of(new PathElement.Name("a"), new PathElement.Name("b"),
            new PathElement.Index(3), new PathElement.Name("c")));

    @Test
    void printsLikeAnExpression() {
        assertThat(PATH.toString()).isEqualTo("a.b[3].c");
        assertThat(PATH.describe()).isEqualTo("[a, b, [3], c]");
        assertThat(PATH.topLevelName()).isEqualTo("a");
        assertThat(PATH.parent().toString()).isEqualTo("a.b[3]");
        assertThat(DocumentPath.of("x").isTopLevel()).isTrue();
    }

    @Test
    void resolvesNestedValuesOrNull() {
        var item = item("a", m("b", l(n("0"), n("1"), n("2"), m("c", n("42")))));
        assertThat(PATH.resolve(item)).isEqualTo(n("42"));
        assertThat(PATH.resolve(item("a", m("b", l())))).isNull();
        assertThat(PATH.resolve(item("a", n("1")))).isNull();
        assertThat(PATH.resolve(null)).isNull();
    }

    @Test
    void startsWithAnAttributeName() {
        assertThatThrownBy(() -> new DocumentPath(List.of(new PathElement.Index(0)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentPath(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
