/*
 * The subset of PartiQL that DynamoDB accepts (Developer Guide, "PartiQL - a SQL-compatible query
 * language for Amazon DynamoDB"): SELECT, INSERT, UPDATE and DELETE on one table (SELECT also on
 * one index), with literals in PartiQL's notation ('string', 1.5, {'map': 1}, [list], <<set>>)
 * and ? for the request's Parameters. Keywords are case-insensitive; "double quotes" name a table
 * or attribute, 'single quotes' are strings.
 */
grammar PartiQl;

statement
    : (selectStatement | insertStatement | updateStatement | deleteStatement | existsStatement) SEMICOLON? EOF
    ;

selectStatement
    : SELECT projection FROM name (DOT name)? alias? (WHERE condition)? (ORDER BY path (ASC | DESC)?)?
    ;

// parsed so that it can be refused by name: DynamoDB does not support aliases
alias
    : AS? IDENTIFIER
    ;

// a transaction's condition check: EXISTS(SELECT * FROM "T" WHERE <whole key> AND <condition>)
existsStatement
    : EXISTS LPAREN selectStatement RPAREN
    ;

projection
    : STAR
    | projected (COMMA projected)*
    ;

// a function (COUNT(*), attribute_exists(a), ...) is parsed so that it can be refused as DynamoDB refuses it
projected
    : path
    | IDENTIFIER LPAREN (STAR | operand (COMMA operand)*)? RPAREN
    ;

insertStatement
    : INSERT INTO name VALUE literal
    ;

// DynamoDB also takes the FROM-first form: FROM "T" WHERE ... SET ...
updateStatement
    : UPDATE name alias? updateClause+ WHERE condition returning?
    | FROM name alias? WHERE condition updateClause+ returning?
    ;

updateClause
    : SET setAction (COMMA setAction)*                             # setClause
    | REMOVE path (COMMA path)*                                    # removeClause
    ;

setAction
    : path EQ operand
    ;

deleteStatement
    : DELETE FROM name alias? WHERE condition returning?
    ;

returning
    : RETURNING (ALL | MODIFIED) (OLD | NEW) STAR
    ;

// ---- conditions (NOT binds tighter than AND, AND tighter than OR) ----
// Chains of AND, OR, NOT and + are lists, not nested rules: a statement of 8 KB may hold hundreds,
// and each nesting level would cost stack in the parser and in every walk of its tree.

condition
    : andCondition (OR andCondition)*
    ;

andCondition
    : notCondition (AND notCondition)*
    ;

notCondition
    : NOT* predicate
    ;

predicate
    : LPAREN condition RPAREN                                      # parenthesizedCondition
    | operand comparator operand                                   # comparisonCondition
    | operand BETWEEN operand AND operand                          # betweenCondition
    | operand IN LBRACKET operand (COMMA operand)* RBRACKET         # inCondition
    | operand IN LPAREN operand (COMMA operand)* RPAREN             # inCondition
    | path IS NOT? (MISSING | NULL | IDENTIFIER)                   # isCondition
    | functionCall                                                 # functionCondition
    ;

comparator
    : EQ | NE | LT | LE | GT | GE
    ;

// ---- operands (DynamoDB takes one + or - in a SET value, and none in a condition) ----

operand
    : value (PLUS | MINUS) value                                   # arithmeticOperand
    | value                                                        # valueOperand
    ;

value
    : LPAREN operand RPAREN                                        # parenthesizedOperand
    | functionCall                                                 # functionOperand
    | path                                                         # pathOperand
    | literal                                                      # literalOperand
    ;

functionCall
    : (IDENTIFIER | EXISTS) LPAREN (operand (COMMA operand)*)? RPAREN
    ;

path
    : name pathStep*
    ;

pathStep
    : DOT name                                                     # nameStep
    | LBRACKET NUMBER RBRACKET                                     # indexStep
    ;

// Keywords that cannot start or end a clause where a name stands may be names too (the gateway's
// PartiQlChecks reads table names with the same list).
name
    : IDENTIFIER
    | QUOTED_NAME
    | softKeyword
    ;

softKeyword
    : ASC | DESC | OLD | NEW | ALL | MODIFIED | BY
    ;

literal
    : STRING                                                       # stringLiteral
    | MINUS? NUMBER                                                # numberLiteral
    | (TRUE | FALSE)                                               # booleanLiteral
    | NULL                                                         # nullLiteral
    | QUESTION                                                     # parameterLiteral
    | LBRACE (STRING COLON literal (COMMA STRING COLON literal)*)? RBRACE # mapLiteral
    | LBRACKET (literal (COMMA literal)*)? RBRACKET                # listLiteral
    | SET_OPEN (literal (COMMA literal)*)? SET_CLOSE               # setLiteral
    ;

// ---- lexer ----

SELECT    : [sS] [eE] [lL] [eE] [cC] [tT] ;
FROM      : [fF] [rR] [oO] [mM] ;
WHERE     : [wW] [hH] [eE] [rR] [eE] ;
ORDER     : [oO] [rR] [dD] [eE] [rR] ;
BY        : [bB] [yY] ;
ASC       : [aA] [sS] [cC] ;
DESC      : [dD] [eE] [sS] [cC] ;
INSERT    : [iI] [nN] [sS] [eE] [rR] [tT] ;
INTO      : [iI] [nN] [tT] [oO] ;
VALUE     : [vV] [aA] [lL] [uU] [eE] ;
UPDATE    : [uU] [pP] [dD] [aA] [tT] [eE] ;
SET       : [sS] [eE] [tT] ;
REMOVE    : [rR] [eE] [mM] [oO] [vV] [eE] ;
DELETE    : [dD] [eE] [lL] [eE] [tT] [eE] ;
RETURNING : [rR] [eE] [tT] [uU] [rR] [nN] [iI] [nN] [gG] ;
ALL       : [aA] [lL] [lL] ;
MODIFIED  : [mM] [oO] [dD] [iI] [fF] [iI] [eE] [dD] ;
OLD       : [oO] [lL] [dD] ;
NEW       : [nN] [eE] [wW] ;
AND       : [aA] [nN] [dD] ;
OR        : [oO] [rR] ;
NOT       : [nN] [oO] [tT] ;
BETWEEN   : [bB] [eE] [tT] [wW] [eE] [eE] [nN] ;
IN        : [iI] [nN] ;
IS        : [iI] [sS] ;
MISSING   : [mM] [iI] [sS] [sS] [iI] [nN] [gG] ;
NULL      : [nN] [uU] [lL] [lL] ;
TRUE      : [tT] [rR] [uU] [eE] ;
FALSE     : [fF] [aA] [lL] [sS] [eE] ;
EXISTS    : [eE] [xX] [iI] [sS] [tT] [sS] ;
AS        : [aA] [sS] ;

IDENTIFIER  : [a-zA-Z_] [a-zA-Z0-9_]* ;
QUOTED_NAME : '"' (~'"' | '""')* '"' ;
STRING      : '\'' (~'\'' | '\'\'')* '\'' ;
NUMBER      : ([0-9]+ ('.' [0-9]*)? | '.' [0-9]+) ([eE] [+-]? [0-9]+)? ;

SET_OPEN  : '<<' ;
SET_CLOSE : '>>' ;
NE        : '<>' | '!=' ;
LE        : '<=' ;
GE        : '>=' ;
EQ        : '=' ;
LT        : '<' ;
GT        : '>' ;
PLUS      : '+' ;
MINUS     : '-' ;
STAR      : '*' ;
COMMA     : ',' ;
DOT       : '.' ;
COLON     : ':' ;
SEMICOLON : ';' ;
QUESTION  : '?' ;
LPAREN    : '(' ;
RPAREN    : ')' ;
LBRACKET  : '[' ;
RBRACKET  : ']' ;
LBRACE    : '{' ;
RBRACE    : '}' ;

WS            : [ \t\r\n]+ -> skip ;
LINE_COMMENT  : '--' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;

// Anything else is a one-character token the parser refuses.
UNKNOWN : . ;
