package dev.ddb.item.expression.parse;

import java.util.List;

import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.ExpressionAttributes;
import dev.ddb.item.expression.Projection;

/** Turns a projection expression's parse tree into a {@link Projection}. */
public final class ProjectionBuilder {

    private ProjectionBuilder() {
    }

    public static Projection parse(String text, ExpressionAttributes attributes) {
        String kind = "ProjectionExpression";
        var parsed = ParsedExpressions.PROJECTIONS.parse(text, kind);
        ParseSession session = new ParseSession(kind, attributes, parsed.tokens(), Problem.PROJECTION_ORDER);
        PathBuilder paths = new PathBuilder(session, Dialect.PROJECTION);
        List<DocumentPath> built = parsed.tree().path().stream().map(paths::build).toList();
        PathOverlaps.check(built, session);
        session.throwFirstProblem();
        return new Projection(built);
    }
}
