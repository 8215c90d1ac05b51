package dev.ddb.item.expression.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.antlr.v4.runtime.tree.TerminalNode;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.item.expression.AddAction;
import dev.ddb.item.expression.DeleteAction;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.ExpressionAttributes;
import dev.ddb.item.expression.Minus;
import dev.ddb.item.expression.Operand;
import dev.ddb.item.expression.Plus;
import dev.ddb.item.expression.RemoveAction;
import dev.ddb.item.expression.SetAction;
import dev.ddb.item.expression.UpdateAction;
import dev.ddb.item.expression.UpdateExpression;
import dev.ddb.item.expression.grammar.DynamoDbExpressionBaseVisitor;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.AddClauseContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.ArithmeticSetValueContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.DeleteClauseContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.ParenthesizedSetValueContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.PathContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.PlainSetValueContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.RemoveClauseContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.SetActionContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.SetClauseContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.SetValueContext;
import dev.ddb.item.expression.grammar.DynamoDbExpressionParser.UpdateClauseContext;

/** The ANTLR visitor that turns an update expression's parse tree into an {@link UpdateExpression}. */
public final class UpdateBuilder extends DynamoDbExpressionBaseVisitor<Void> {

    private static final List<String> ADD_TYPES = List.of("N", "SS", "NS", "BS");
    private static final List<String> DELETE_TYPES = List.of("SS", "NS", "BS");

    private final ParseSession session;
    private final OperandBuilder operands;
    private final List<UpdateAction> actions = new ArrayList<>();
    private final Set<String> sections = new HashSet<>();

    private UpdateBuilder(ParseSession session) {
        this.session = session;
        this.operands = new OperandBuilder(session, Dialect.UPDATE);
    }

    public static UpdateExpression parse(String text, ExpressionAttributes attributes) {
        String kind = "UpdateExpression";
        var parsed = ParsedExpressions.UPDATES.parse(text, kind);
        ParseSession session = new ParseSession(kind, attributes, parsed.tokens(), Problem.UPDATE_ORDER);
        UpdateBuilder builder = new UpdateBuilder(session);
        parsed.tree().updateClause().forEach(builder::visit);
        PathOverlaps.check(builder.actions.stream().map(UpdateAction::path).toList(), session);
        session.throwFirstProblem();
        return new UpdateExpression(builder.actions);
    }

    @Override
    public Void visitSetClause(SetClauseContext ctx) {
        section(ctx);
        for (SetActionContext action : ctx.setAction()) {
            DocumentPath path = path(action.path());
            actions.add(new SetAction(path, value(action.setValue())));
        }
        return null;
    }

    @Override
    public Void visitRemoveClause(RemoveClauseContext ctx) {
        section(ctx);
        ctx.path().forEach(path -> actions.add(new RemoveAction(path(path))));
        return null;
    }

    @Override
    public Void visitAddClause(AddClauseContext ctx) {
        section(ctx);
        for (int i = 0; i < ctx.path().size(); i++) {
            DocumentPath path = path(ctx.path(i));
            actions.add(new AddAction(path, setOperand("ADD", ctx.VALUE_REF(i), ADD_TYPES)));
        }
        return null;
    }

    @Override
    public Void visitDeleteClause(DeleteClauseContext ctx) {
        section(ctx);
        for (int i = 0; i < ctx.path().size(); i++) {
            DocumentPath path = path(ctx.path(i));
            actions.add(new DeleteAction(path, setOperand("DELETE", ctx.VALUE_REF(i), DELETE_TYPES)));
        }
        return null;
    }

    private void section(UpdateClauseContext clause) {
        String name = clause.getStart().getText().toUpperCase(Locale.ROOT);
        if (!sections.add(name)) {
            session.report(Problem.SECTION_REPEATED, "The \"" + name + "\" section can only be used once in an update expression;");
        }
    }

    private DocumentPath path(PathContext path) {
        return operands.paths().build(path);
    }

    private Operand value(SetValueContext value) {
        if (value instanceof ParenthesizedSetValueContext parenthesized) {
            return value(parenthesized.setValue());
        }
        if (value instanceof PlainSetValueContext plain) {
            return operands.build(plain.operand());
        }
        ArithmeticSetValueContext arithmetic = (ArithmeticSetValueContext) value;
        session.countOperator();
        Operand left = operands.build(arithmetic.operand(0));
        Operand right = operands.build(arithmetic.operand(1));
        String operator = arithmetic.PLUS() != null ? "+" : "-";
        for (Operand operand : List.of(left, right)) {
            AttributeValue literal = OperandTypes.literal(operand);
            if (literal != null && !(literal instanceof AttributeValue.N)) {
                session.report(Problem.OPERAND_TYPE, Functions.operandType(operator, literal.type()));
            }
        }
        return arithmetic.PLUS() != null ? new Plus(left, right) : new Minus(left, right);
    }

    /** ADD takes a number or a set, DELETE a set; both only as a :value. */
    private AttributeValue setOperand(String action, TerminalNode reference, List<String> allowed) {
        AttributeValue value = operands.value(reference.getSymbol()).value();
        if (value != null && !allowed.contains(value.type())) {
            session.report(Problem.ACTION_OPERAND_TYPE, "Incorrect operand type for operator or function; operator: "
                    + action + ", operand type: " + OperandTypes.longName(value.type()));
        }
        return value;
    }
}
