package dev.ddb.item.expression.parse;

import java.util.List;

import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.PathElement;

/**
 * DynamoDB's rule that the paths of one update (or projection) are independent: no path may be
 * a prefix of another (overlap), nor use a name where another uses an index (conflict).
 */
final class PathOverlaps {

    private PathOverlaps() {
    }

    static void check(List<DocumentPath> paths, ParseSession session) {
        for (int later = 1; later < paths.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                check(paths.get(earlier), paths.get(later), session);
            }
        }
    }

    private static void check(DocumentPath one, DocumentPath two, ParseSession session) {
        int common = Math.min(one.depth(), two.depth());
        for (int i = 0; i < common; i++) {
            PathElement a = one.elements().get(i);
            PathElement b = two.elements().get(i);
            if (a.getClass() != b.getClass()) {
                session.report(Problem.PATH_CONFLICT, "Two document paths conflict with each other; " + paths(one, two));
                return;
            }
            if (!a.equals(b)) {
                return;
            }
        }
        session.report(Problem.PATH_OVERLAP, "Two document paths overlap with each other; " + paths(one, two));
    }

    private static String paths(DocumentPath one, DocumentPath two) {
        return "must remove or rewrite one of these paths; path one: " + one.describe() + ", path two: " + two.describe();
    }
}
