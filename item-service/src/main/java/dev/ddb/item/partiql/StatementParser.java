package dev.ddb.item.partiql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.partiql.grammar.PartiQlBaseVisitor;
import dev.ddb.common.partiql.grammar.PartiQlLexer;
import dev.ddb.common.partiql.grammar.PartiQlParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses one PartiQL statement into a {@link Statement}, putting the request's Parameters in for
 * its {@code ?}s in order. A statement that does not parse, or has more {@code ?}s than
 * Parameters, is DynamoDB's ValidationException.
 */
final class StatementParser {

    private static final int MAX_NESTING = 100;
    /** The types {@code IS} tests, as DynamoDB's attribute types. */
    private static final Map<String, String> IS_TYPES = Map.of("NULL", "NULL", "BOOLEAN", "BOOL", "BOOL", "BOOL",
            "BLOB", "B", "STRING", "S", "NUMERIC", "N", "STRUCT", "M", "TUPLE", "M", "LIST", "L");

    private StatementParser() {
    }

    static Statement parse(String text, List<JsonNode> parameters) {
        PartiQlLexer lexer = new PartiQlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (nesting(tokens.getTokens()) > MAX_NESTING) {
            // the parser recurses per level: refused before it would run out of stack
            throw notWellFormed("");
        }
        PartiQlParser parser = new PartiQlParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String message,
                                    RecognitionException e) {
                if (offending instanceof Token token && token.getType() == PartiQlLexer.UNKNOWN) {
                    throw notWellFormed(""); // a character PartiQL has no use for (#, an unclosed /*): DynamoDB says no more
                }
                // DynamoDB's two answers: a statement complete before the token, or a term missing or wrong
                boolean complete = recognizer instanceof Parser parser && parser.getExpectedTokens().contains(Token.EOF)
                        && offending instanceof Token token && token.getType() != Token.EOF;
                throw notWellFormed(complete ? "Unexpected token after expression" : "Unexpected term");
            }
        });
        // DynamoDB refuses too few parameters (visitParameterLiteral) and ignores extra ones
        return new Builder(parameters).visitStatement(parser.statement());
    }

    /**
     * How deeply a statement's brackets nest, counted on the lexer's tokens (so strings, quoted
     * names and comments are left out exactly as the parser leaves them out). An item may nest 32
     * levels; conditions rarely need more than a few parentheses.
     */
    static int nesting(List<Token> tokens) {
        int depth = 0;
        int deepest = 0;
        for (Token token : tokens) {
            switch (token.getType()) {
                case PartiQlLexer.LPAREN, PartiQlLexer.LBRACKET, PartiQlLexer.LBRACE, PartiQlLexer.SET_OPEN ->
                        deepest = Math.max(deepest, ++depth);
                case PartiQlLexer.RPAREN, PartiQlLexer.RBRACKET, PartiQlLexer.RBRACE, PartiQlLexer.SET_CLOSE -> depth--;
                default -> {
                }
            }
        }
        return deepest;
    }

    static DynamoDbException notWellFormed(String detail) {
        return DynamoDbException.validation("Statement wasn't well formed, can't be processed: " + detail);
    }

    private static final class Builder extends PartiQlBaseVisitor<Object> {

        private final List<JsonNode> parameters;
        private int nextParameter;

        Builder(List<JsonNode> parameters) {
            this.parameters = parameters;
        }

        @Override
        public Statement visitStatement(PartiQlParser.StatementContext ctx) {
            return (Statement) visit(ctx.getChild(0));
        }

        @Override
        public Statement.Select visitSelectStatement(PartiQlParser.SelectStatementContext ctx) {
            refuseAlias(ctx.alias());
            List<Term.Path> projection = new ArrayList<>();
            for (PartiQlParser.ProjectedContext projected : ctx.projection().projected()) {
                if (projected.path() == null) {
                    Token function = projected.IDENTIFIER().getSymbol();
                    throw DynamoDbException.validation("Unexpected path component at " + position(function, function));
                }
                projection.add(path(projected.path()));
            }
            String index = ctx.name().size() > 1 ? name(ctx.name(1)) : null;
            Term where = ctx.condition() == null ? null : term(ctx.condition());
            Term.Path orderBy = ctx.ORDER() == null ? null : path(ctx.path());
            return new Statement.Select(projection, name(ctx.name(0)), index, where, orderBy, ctx.DESC() != null);
        }

        @Override
        public Statement visitInsertStatement(PartiQlParser.InsertStatementContext ctx) {
            // the item's attributes are each a root of their own, as DynamoDB's messages name them
            JsonNode item = ctx.literal() instanceof PartiQlParser.MapLiteralContext map ? tuple(map, "root", "root")
                    : literal(ctx.literal(), "root");
            if (!item.has("M")) {
                throw DynamoDbException.validation("Unsupported format in item expression. Please use struct format {...} to express"
                        + " item values for insert statement.");
            }
            return new Statement.Insert(name(ctx.name()), (ObjectNode) item.get("M"));
        }

        @Override
        public Statement visitUpdateStatement(PartiQlParser.UpdateStatementContext ctx) {
            refuseAlias(ctx.alias());
            // the ?s are taken in the order they are written: FROM "T" WHERE ... SET ... has its WHERE first
            Term where = ctx.FROM() != null ? term(ctx.condition()) : null;
            List<Statement.SetAction> sets = new ArrayList<>();
            List<Term.Path> removes = new ArrayList<>();
            for (PartiQlParser.UpdateClauseContext clause : ctx.updateClause()) {
                if (clause instanceof PartiQlParser.SetClauseContext set) {
                    for (PartiQlParser.SetActionContext action : set.setAction()) {
                        sets.add(new Statement.SetAction(path(action.path()), term(action.operand())));
                    }
                } else {
                    for (PartiQlParser.PathContext path : ((PartiQlParser.RemoveClauseContext) clause).path()) {
                        removes.add(path(path));
                    }
                }
            }
            if (where == null) {
                where = term(ctx.condition());
            }
            return new Statement.Update(name(ctx.name()), sets, removes, where, returnValues(ctx.returning()));
        }

        /** The text of a RETURNING clause, as DynamoDB quotes it. */
        private static String returningText(PartiQlParser.ReturningContext ctx) {
            return "RETURNING " + ctx.getChild(1).getText().toUpperCase(Locale.ROOT) + " "
                    + ctx.getChild(2).getText().toUpperCase(Locale.ROOT) + " *";
        }

        @Override
        public Statement visitDeleteStatement(PartiQlParser.DeleteStatementContext ctx) {
            refuseAlias(ctx.alias());
            String returnValues = returnValues(ctx.returning());
            if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
                throw DynamoDbException.validation("Invalid returning clause: " + returningText(ctx.returning())
                        + ". Only RETURNING ALL OLD * is allowed in DELETE statements.");
            }
            return new Statement.Delete(name(ctx.name()), term(ctx.condition()), returnValues);
        }

        private static void refuseAlias(PartiQlParser.AliasContext alias) {
            if (alias != null) {
                throw DynamoDbException.validation("Aliasing is not supported");
            }
        }

        /** DynamoDB's ReturnValues for a RETURNING clause: ALL OLD * is ALL_OLD, MODIFIED NEW * UPDATED_NEW. */
        private static String returnValues(PartiQlParser.ReturningContext ctx) {
            if (ctx == null) {
                return "NONE";
            }
            return (ctx.ALL() != null ? "ALL_" : "UPDATED_") + (ctx.OLD() != null ? "OLD" : "NEW");
        }

        // ---- conditions ----

        private Term term(org.antlr.v4.runtime.tree.ParseTree tree) {
            return (Term) visit(tree);
        }

        @Override
        public Term visitCondition(PartiQlParser.ConditionContext ctx) {
            List<Term> terms = new ArrayList<>();
            ctx.andCondition().forEach(and -> terms.add(term(and)));
            return terms.size() == 1 ? terms.get(0) : new Term.Or(terms);
        }

        @Override
        public Term visitAndCondition(PartiQlParser.AndConditionContext ctx) {
            List<Term> terms = new ArrayList<>();
            for (PartiQlParser.NotConditionContext condition : ctx.notCondition()) {
                Term term = term(condition);
                if (term instanceof Term.And and) {
                    terms.addAll(and.terms()); // (a AND b) AND c: one list
                } else {
                    terms.add(term);
                }
            }
            return terms.size() == 1 ? terms.get(0) : new Term.And(terms);
        }

        @Override
        public Term visitNotCondition(PartiQlParser.NotConditionContext ctx) {
            Term predicate = term(ctx.predicate());
            return ctx.NOT().size() % 2 == 1 ? new Term.Not(predicate) : predicate;
        }

        @Override
        public Term visitParenthesizedCondition(PartiQlParser.ParenthesizedConditionContext ctx) {
            return term(ctx.condition());
        }

        @Override
        public Term visitComparisonCondition(PartiQlParser.ComparisonConditionContext ctx) {
            String operator = ctx.comparator().getText();
            return new Term.Comparison(operator.equals("!=") ? "<>" : operator, term(ctx.operand(0)), term(ctx.operand(1)));
        }

        @Override
        public Term visitBetweenCondition(PartiQlParser.BetweenConditionContext ctx) {
            return new Term.Between(term(ctx.operand(0)), term(ctx.operand(1)), term(ctx.operand(2)));
        }

        @Override
        public Term visitInCondition(PartiQlParser.InConditionContext ctx) {
            List<Term> candidates = new ArrayList<>();
            for (int i = 1; i < ctx.operand().size(); i++) {
                candidates.add(term(ctx.operand(i)));
            }
            return new Term.In(term(ctx.operand(0)), candidates);
        }

        @Override
        public Term visitIsCondition(PartiQlParser.IsConditionContext ctx) {
            if (ctx.MISSING() != null) {
                return new Term.Is(path(ctx.path()), ctx.NOT() != null, true, null);
            }
            String type = ctx.NULL() != null ? "NULL" : ctx.IDENTIFIER().getText().toUpperCase(Locale.ROOT);
            String attributeType = IS_TYPES.get(type);
            if (attributeType == null) {
                throw DynamoDbException.validation("Unsupported data type for IS operator: " + type
                        + ". Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]");
            }
            return new Term.Is(path(ctx.path()), ctx.NOT() != null, false, attributeType);
        }

        @Override
        public Statement visitExistsStatement(PartiQlParser.ExistsStatementContext ctx) {
            return new Statement.Exists(visitSelectStatement(ctx.selectStatement()));
        }

        @Override
        public Term visitFunctionCondition(PartiQlParser.FunctionConditionContext ctx) {
            return term(ctx.functionCall());
        }

        // ---- operands ----

        @Override
        public Term visitParenthesizedOperand(PartiQlParser.ParenthesizedOperandContext ctx) {
            return term(ctx.operand());
        }

        @Override
        public Term visitArithmeticOperand(PartiQlParser.ArithmeticOperandContext ctx) {
            return new Term.Arithmetic(ctx.PLUS() != null ? "+" : "-", term(ctx.value(0)), term(ctx.value(1)));
        }

        @Override
        public Term visitValueOperand(PartiQlParser.ValueOperandContext ctx) {
            return term(ctx.value());
        }

        @Override
        public Term visitFunctionOperand(PartiQlParser.FunctionOperandContext ctx) {
            return term(ctx.functionCall());
        }

        @Override
        public Term visitFunctionCall(PartiQlParser.FunctionCallContext ctx) {
            List<Term> arguments = new ArrayList<>();
            for (PartiQlParser.OperandContext operand : ctx.operand()) {
                arguments.add(term(operand));
            }
            String firstArgumentAt = ctx.operand().isEmpty() ? null : position(ctx.operand(0).getStart(), ctx.operand(0).getStop());
            return new Term.Function(ctx.getChild(0).getText().toLowerCase(Locale.ROOT), arguments,
                    position(ctx.getStart(), ctx.getStart()), firstArgumentAt);
        }

        /** Where the text from {@code start} to {@code stop} is, as DynamoDB writes it: line:column:length. */
        private static String position(Token start, Token stop) {
            return start.getLine() + ":" + (start.getCharPositionInLine() + 1) + ":" + (stop.getStopIndex() - start.getStartIndex() + 1);
        }

        @Override
        public Term visitPathOperand(PartiQlParser.PathOperandContext ctx) {
            return path(ctx.path());
        }

        @Override
        public Term visitLiteralOperand(PartiQlParser.LiteralOperandContext ctx) {
            return new Term.Literal(literal(ctx.literal(), "root"));
        }

        private Term.Path path(PartiQlParser.PathContext ctx) {
            List<Object> steps = new ArrayList<>();
            steps.add(name(ctx.name()));
            for (PartiQlParser.PathStepContext step : ctx.pathStep()) {
                if (step instanceof PartiQlParser.NameStepContext nameStep) {
                    steps.add(name(nameStep.name()));
                } else {
                    String index = ((PartiQlParser.IndexStepContext) step).NUMBER().getText();
                    if (!index.chars().allMatch(Character::isDigit) || index.length() > 9) {
                        throw DynamoDbException.validation("List index is not within the allowable range; index: [" + index + "]");
                    }
                    steps.add(Integer.parseInt(index));
                }
            }
            return new Term.Path(steps);
        }

        private static String name(PartiQlParser.NameContext ctx) {
            TerminalNode quoted = ctx.QUOTED_NAME();
            if (quoted == null) {
                return ctx.getText();
            }
            String text = quoted.getText();
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }

        // ---- literals, as DynamoDB's JSON AttributeValues ----

        /** A literal at {@code path} of the statement's literal (root, root.x, root[1]: DynamoDB's errors name it). */
        private JsonNode literal(PartiQlParser.LiteralContext ctx, String path) {
            if (ctx instanceof PartiQlParser.NumberLiteralContext number) {
                String text = (number.MINUS() != null ? "-" : "") + number.NUMBER().getText();
                PartiQlNumbers.checkLiteral(text, path);
                return typed("N", Json.MAPPER.getNodeFactory().stringNode(text));
            }
            if (ctx instanceof PartiQlParser.MapLiteralContext map) {
                return tuple(map, path, null);
            }
            if (ctx instanceof PartiQlParser.ListLiteralContext list) {
                ArrayNode elements = Json.array();
                for (int i = 0; i < list.literal().size(); i++) {
                    elements.add(literal(list.literal(i), path + "[" + i + "]"));
                }
                return typed("L", elements);
            }
            if (ctx instanceof PartiQlParser.SetLiteralContext set) {
                return set(set, path);
            }
            return (JsonNode) visit(ctx);
        }

        /** A map literal at {@code path}; its members at {@code memberPath}, or below its own path when null. */
        private JsonNode tuple(PartiQlParser.MapLiteralContext map, String path, String memberPath) {
            ObjectNode members = Json.object();
            for (int i = 0; i < map.STRING().size(); i++) {
                String key = string(map.STRING(i));
                if (members.has(key)) {
                    throw DynamoDbException.validation("Duplicate keys in tuple. Key: " + key + " under " + path);
                }
                members.set(key, literal(map.literal(i), memberPath != null ? memberPath : path + "." + key));
            }
            return typed("M", members);
        }

        @Override
        public JsonNode visitStringLiteral(PartiQlParser.StringLiteralContext ctx) {
            return typed("S", Json.MAPPER.getNodeFactory().stringNode(string(ctx.STRING())));
        }

        @Override
        public JsonNode visitBooleanLiteral(PartiQlParser.BooleanLiteralContext ctx) {
            return typed("BOOL", Json.MAPPER.getNodeFactory().booleanNode(ctx.TRUE() != null));
        }

        @Override
        public JsonNode visitNullLiteral(PartiQlParser.NullLiteralContext ctx) {
            return typed("NULL", Json.MAPPER.getNodeFactory().booleanNode(true));
        }

        @Override
        public JsonNode visitParameterLiteral(PartiQlParser.ParameterLiteralContext ctx) {
            if (nextParameter >= parameters.size()) {
                throw DynamoDbException.validation("Number of parameters in request and statement don't match.");
            }
            return parameters.get(nextParameter++);
        }

        /** {@code <<...>>}: a string or number set (DynamoDB's "bag"), by its members' one type; a binary set only as a parameter. */
        private JsonNode set(PartiQlParser.SetLiteralContext ctx, String path) {
            if (ctx.literal().isEmpty()) {
                throw DynamoDbException.validation("Empty bags are not supported");
            }
            ArrayNode members = Json.array();
            String type = null;
            for (PartiQlParser.LiteralContext element : ctx.literal()) {
                JsonNode member = literal(element, path);
                String memberType = member.size() == 1 ? member.propertyNames().iterator().next() : "";
                if (!List.of("S", "N", "B").contains(memberType) || (type != null && !type.equals(memberType))) {
                    throw DynamoDbException.validation("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
                }
                type = memberType;
                members.add(member.get(memberType));
            }
            return typed(type + "S", members);
        }

        private static ObjectNode typed(String type, JsonNode value) {
            ObjectNode node = Json.object();
            node.set(type, value);
            return node;
        }

        private static String string(TerminalNode token) {
            String text = token.getText();
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
    }
}
