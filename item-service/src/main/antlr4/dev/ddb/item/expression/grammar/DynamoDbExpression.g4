/*
 * DynamoDB's expression language, as the Developer Guide defines it:
 * condition and filter expressions (also the base of key conditions),
 * projection expressions and update expressions.
 *
 * The grammar accepts any function name and any number of arguments, and keywords in name
 * positions: DynamoDB answers those with semantic errors ("Invalid function name", "Attribute
 * name is a reserved keyword", ...) rather than syntax errors, so the AST builders decide.
 */
grammar DynamoDbExpression;

// ---- entry points, one per expression kind ----

conditionExpression
    : condition EOF
    ;

projectionExpression
    : path (COMMA path)* EOF
    ;

updateExpression
    : updateClause+ EOF
    ;

// ---- conditions (precedence: NOT binds tighter than AND, AND tighter than OR) ----

condition
    : LPAREN condition RPAREN                                     # parenthesizedCondition
    | NOT condition                                               # notCondition
    | condition AND condition                                     # andCondition
    | condition OR condition                                      # orCondition
    | operand comparator operand                                  # comparisonCondition
    | operand BETWEEN operand AND operand                         # betweenCondition
    | operand IN LPAREN operand (COMMA operand)* RPAREN           # inCondition
    | functionCall                                                # functionCondition
    ;

comparator
    : EQ | NE | LT | LE | GT | GE
    ;

// ---- updates ----

updateClause
    : SET setAction (COMMA setAction)*                            # setClause
    | REMOVE path (COMMA path)*                                   # removeClause
    | ADD path VALUE_REF (COMMA path VALUE_REF)*                  # addClause
    | DELETE path VALUE_REF (COMMA path VALUE_REF)*               # deleteClause
    ;

setAction
    : path EQ setValue
    ;

// DynamoDB allows exactly one + or - in a SET value, never inside function arguments.
setValue
    : LPAREN setValue RPAREN                                      # parenthesizedSetValue
    | operand (PLUS | MINUS) operand                              # arithmeticSetValue
    | operand                                                     # plainSetValue
    ;

// ---- operands and paths ----

operand
    : LPAREN operand RPAREN                                       # parenthesizedOperand
    | functionCall                                                # functionOperand
    | path                                                        # pathOperand
    | VALUE_REF                                                   # valueOperand
    ;

functionCall
    : IDENTIFIER LPAREN operand (COMMA operand)* RPAREN
    ;

path
    : pathName pathStep*
    ;

pathStep
    : DOT pathName                                                # nameStep
    | LBRACKET INDEX RBRACKET                                     # indexStep
    ;

pathName
    : IDENTIFIER
    | NAME_REF
    | keyword
    ;

keyword
    : AND | OR | NOT | BETWEEN | IN | SET | REMOVE | ADD | DELETE
    ;

// ---- lexer: keywords are case-insensitive, function names are not ----

AND     : [aA] [nN] [dD] ;
OR      : [oO] [rR] ;
NOT     : [nN] [oO] [tT] ;
BETWEEN : [bB] [eE] [tT] [wW] [eE] [eE] [nN] ;
IN      : [iI] [nN] ;
SET     : [sS] [eE] [tT] ;
REMOVE  : [rR] [eE] [mM] [oO] [vV] [eE] ;
ADD     : [aA] [dD] [dD] ;
DELETE  : [dD] [eE] [lL] [eE] [tT] [eE] ;

// A plain attribute name must start with a letter; #names and :values may start with a digit or _.
IDENTIFIER : [a-zA-Z] [a-zA-Z0-9_]* ;
NAME_REF   : '#' [a-zA-Z0-9_]+ ;
VALUE_REF  : ':' [a-zA-Z0-9_]+ ;
INDEX      : [0-9]+ ;

NE : '<>' ;
LE : '<=' ;
GE : '>=' ;
EQ : '=' ;
LT : '<' ;
GT : '>' ;

PLUS     : '+' ;
MINUS    : '-' ;
COMMA    : ',' ;
DOT      : '.' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;

WS : [ \t\r\n]+ -> skip ;

// Anything else becomes a one-character token, so the parser reports it as DynamoDB does:
// Syntax error; token: "_", near: "SET _a".
UNKNOWN : . ;
