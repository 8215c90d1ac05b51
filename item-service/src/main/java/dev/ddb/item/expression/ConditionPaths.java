package dev.ddb.item.expression;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The document paths a condition reads, e.g. to reject a Query filter on key attributes. */
public final class ConditionPaths {

    private ConditionPaths() {
    }

    public static Set<DocumentPath> of(Condition condition) {
        Set<DocumentPath> paths = new LinkedHashSet<>();
        collect(condition, paths);
        return paths;
    }

    private static void collect(Condition condition, Set<DocumentPath> paths) {
        if (condition instanceof And and) {
            collect(and.left(), paths);
            collect(and.right(), paths);
        } else if (condition instanceof Or or) {
            collect(or.left(), paths);
            collect(or.right(), paths);
        } else if (condition instanceof Not not) {
            collect(not.condition(), paths);
        } else if (condition instanceof Comparison c) {
            operands(paths, c.left(), c.right());
        } else if (condition instanceof Between b) {
            operands(paths, b.value(), b.low(), b.high());
        } else if (condition instanceof In in) {
            operands(paths, in.value());
            in.candidates().forEach(o -> operands(paths, o));
        } else if (condition instanceof AttributeExists e) {
            paths.add(e.path());
        } else if (condition instanceof AttributeNotExists e) {
            paths.add(e.path());
        } else if (condition instanceof AttributeType t) {
            paths.add(t.path());
            operands(paths, t.type());
        } else if (condition instanceof BeginsWith b) {
            operands(paths, b.value(), b.prefix());
        } else if (condition instanceof Contains c) {
            operands(paths, c.container(), c.operand());
        }
    }

    private static void operands(Set<DocumentPath> paths, Operand... operands) {
        for (Operand operand : List.of(operands)) {
            if (operand instanceof PathOperand p) {
                paths.add(p.path());
            } else if (operand instanceof Size s) {
                paths.add(s.path());
            }
        }
    }
}
