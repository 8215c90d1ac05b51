package dev.ddb.item.expression.parse;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.PathElement;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.IndexStepContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.NameStepContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.PathContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.PathNameContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.PathStepContext;

/** Builds document paths: resolves #names, rejects reserved words, enforces the nesting limit. */
final class PathBuilder {

    /** DynamoDB's limit on document nesting, which paths share. */
    static final int MAX_DEPTH = 32;

    private final ParseSession session;
    private final Dialect dialect;

    PathBuilder(ParseSession session, Dialect dialect) {
        this.session = session;
        this.dialect = dialect;
    }

    DocumentPath build(PathContext path) {
        List<PathElement> elements = new ArrayList<>();
        elements.add(new PathElement.Name(name(path.pathName())));
        for (PathStepContext step : path.pathStep()) {
            if (step instanceof NameStepContext nameStep) {
                elements.add(new PathElement.Name(name(nameStep.pathName())));
            } else {
                elements.add(new PathElement.Index(index(((IndexStepContext) step).INDEX().getText())));
            }
        }
        if (elements.size() > MAX_DEPTH) {
            session.report(Problem.PATH_TOO_DEEP,
                    "The document path has too many nesting levels; nesting levels: " + elements.size());
        }
        return new DocumentPath(elements);
    }

    private String name(PathNameContext name) {
        String text = name.getText();
        if (name.NAME_REF() != null) {
            String resolved = session.attributes().name(text);
            if (resolved == null) {
                session.report(Problem.UNDEFINED_NAME,
                        "An expression attribute name used in the document path is not defined; attribute name: " + text);
                return text;
            }
            return resolved;
        }
        if (name.keyword() != null && !dialect.allowsKeywordAsName(name.getStart().getType())) {
            throw session.syntaxError(name.getStart());
        }
        if (ReservedWords.isReserved(text)) {
            session.report(Problem.RESERVED_WORD, "Attribute name is a reserved keyword; reserved keyword: " + text);
        }
        return text;
    }

    private int index(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            session.report(Problem.PATH_TOO_DEEP, "List index is not within the allowable range");
            return Integer.MAX_VALUE;
        }
    }
}
