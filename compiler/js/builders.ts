/**
 * ESTree builders: every JS node the compiler emits is made here (the Svelte
 * `b.*` style), in the shapes acorn produces and astring prints. Nothing in
 * the compiler concatenates JS source text.
 *
 * Source positions: astring maps `loc` only on identifiers, literals and
 * function heads, so `withLoc` is applied to those. A `Pos` may carry the
 * original source file (`source`), which compiler/emit/print.ts reads to
 * support several .erl/.hrl sources in one map.
 */
import type * as E from 'estree';

export type Expr = E.Expression;
export type Stmt = E.Statement;
export type Pattern = E.Pattern;

/** An original position (1-based line, 0-based column) plus its source file. */
export interface Pos {
  line: number;
  column: number;
  source?: string | undefined;
}

const IDENT_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof new null return super switch this throw true try typeof ' +
    'var void while with yield let static implements interface package private protected public await ' +
    'arguments eval undefined NaN Infinity').split(' '),
);

/** Is `s` usable as a plain JS identifier (not reserved)? */
export const isIdentifier = (s: string): boolean => IDENT_RE.test(s) && !RESERVED.has(s);

export function withLoc<T extends E.Node>(node: T, pos: Pos | undefined): T {
  if (pos !== undefined && pos.line > 0) {
    (node as E.Node).loc = { start: pos as E.Position, end: pos as E.Position, source: pos.source ?? null };
  }
  return node;
}

export const id = (name: string, pos?: Pos): E.Identifier => withLoc({ type: 'Identifier', name }, pos);

/** A literal: string, finite number (non-negative: see `num`), boolean, null. */
export function lit(value: string | number | boolean | null, pos?: Pos): E.Expression {
  if (typeof value === 'number') return num(value, pos);
  return withLoc({ type: 'Literal', value } as E.SimpleLiteral, pos);
}

/** A number; negative numbers become a unary minus as acorn would parse them. */
export function num(value: number, pos?: Pos): E.Expression {
  if (value < 0 || Object.is(value, -0)) return unary('-', num(-value, pos));
  return withLoc({ type: 'Literal', value, raw: String(value) } as E.SimpleLiteral, pos);
}

/** A bigint literal `123n` (negative as unary minus). */
export function bigint(value: bigint): E.Expression {
  if (value < 0n) return unary('-', bigint(-value));
  const s = value.toString();
  return { type: 'Literal', value, raw: `${s}n`, bigint: s } as E.BigIntLiteral;
}

export const str = (value: string, pos?: Pos): E.Expression => lit(value, pos);

export const member = (object: Expr, property: string | Expr, computed = false): E.MemberExpression => {
  if (typeof property === 'string') {
    return isIdentifier(property) || /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(property)
      ? { type: 'MemberExpression', object, property: id(property), computed: false, optional: false }
      : { type: 'MemberExpression', object, property: str(property), computed: true, optional: false };
  }
  return { type: 'MemberExpression', object, property, computed, optional: false };
};

/** `object[index]` for a numeric index. */
export const index = (object: Expr, i: number | Expr): E.MemberExpression =>
  member(object, typeof i === 'number' ? num(i) : i, true);

/** `a.b.c` from a dotted path whose head is an identifier. */
export function path(dotted: string): Expr {
  const parts = dotted.split('.');
  let e: Expr = id(parts[0]!);
  for (let i = 1; i < parts.length; i++) e = member(e, parts[i]!);
  return e;
}

export const call = (callee: Expr | string, ...args: (Expr | E.SpreadElement)[]): E.CallExpression => ({
  type: 'CallExpression',
  callee: typeof callee === 'string' ? path(callee) : callee,
  arguments: args,
  optional: false,
});

export const newExpr = (callee: Expr | string, ...args: Expr[]): E.NewExpression => ({
  type: 'NewExpression',
  callee: typeof callee === 'string' ? path(callee) : callee,
  arguments: args,
});

export const spread = (argument: Expr): E.SpreadElement => ({ type: 'SpreadElement', argument });

export const array = (elements: (Expr | E.SpreadElement)[]): E.ArrayExpression => ({ type: 'ArrayExpression', elements });

export const object = (props: [string, Expr][]): E.ObjectExpression => ({
  type: 'ObjectExpression',
  properties: props.map(([k, v]) => ({
    type: 'Property',
    key: isIdentifier(k) ? id(k) : str(k),
    value: v,
    kind: 'init',
    method: false,
    shorthand: false,
    computed: false,
  })),
});

export const binary = (operator: E.BinaryOperator, left: Expr, right: Expr): E.BinaryExpression => ({
  type: 'BinaryExpression',
  operator,
  left,
  right,
});

export const logical = (operator: E.LogicalOperator, left: Expr, right: Expr): E.LogicalExpression => ({
  type: 'LogicalExpression',
  operator,
  left,
  right,
});

/** `a && b && c` (true for an empty list). */
export function and(...terms: Expr[]): Expr {
  if (terms.length === 0) return lit(true);
  return terms.reduce((a, b) => logical('&&', a, b));
}

export function or(...terms: Expr[]): Expr {
  if (terms.length === 0) return lit(false);
  return terms.reduce((a, b) => logical('||', a, b));
}

export const unary = (operator: E.UnaryOperator, argument: Expr): E.UnaryExpression => ({
  type: 'UnaryExpression',
  operator,
  prefix: true,
  argument,
});

export const not = (e: Expr): Expr => {
  // Keep generated conditions readable: !(a === b) → a !== b.
  if (e.type === 'BinaryExpression') {
    const flip: Partial<Record<E.BinaryOperator, E.BinaryOperator>> = { '===': '!==', '!==': '===' };
    const op = flip[e.operator];
    if (op !== undefined) return binary(op, e.left as Expr, e.right);
  }
  if (e.type === 'UnaryExpression' && e.operator === '!') return e.argument;
  return unary('!', e);
};

export const eq = (a: Expr, b: Expr): Expr => binary('===', a, b);
export const neq = (a: Expr, b: Expr): Expr => binary('!==', a, b);
export const typeOf = (e: Expr, t: string): Expr => eq(unary('typeof', e), str(t));
export const instanceOf = (e: Expr, cls: Expr): Expr => binary('instanceof', e, cls);

export const cond = (test: Expr, consequent: Expr, alternate: Expr): E.ConditionalExpression => ({
  type: 'ConditionalExpression',
  test,
  consequent,
  alternate,
});

export const assign = (left: Pattern | E.MemberExpression, right: Expr, operator: E.AssignmentOperator = '='): E.AssignmentExpression => ({
  type: 'AssignmentExpression',
  operator,
  left,
  right,
});

export const update = (operator: '++' | '--', argument: Expr, prefix = true): E.UpdateExpression => ({
  type: 'UpdateExpression',
  operator,
  argument,
  prefix,
});

export const seq = (...expressions: Expr[]): Expr =>
  expressions.length === 1 ? expressions[0]! : { type: 'SequenceExpression', expressions };

export const arrow = (params: Pattern[], body: Expr | E.BlockStatement): E.ArrowFunctionExpression => ({
  type: 'ArrowFunctionExpression',
  params,
  body,
  expression: body.type !== 'BlockStatement',
  async: false,
  generator: false,
});

// ---- statements ----

export const expr = (expression: Expr): E.ExpressionStatement => ({ type: 'ExpressionStatement', expression });

/** `left = right;` */
export const set = (left: Pattern | E.MemberExpression | string, right: Expr): E.ExpressionStatement =>
  expr(assign(typeof left === 'string' ? id(left) : left, right));

export const block = (body: Stmt[]): E.BlockStatement => ({ type: 'BlockStatement', body });

export const ret = (argument?: Expr): E.ReturnStatement => ({ type: 'ReturnStatement', argument: argument ?? null });

export const throwStmt = (argument: Expr): E.ThrowStatement => ({ type: 'ThrowStatement', argument });

export function ifStmt(test: Expr, consequent: Stmt | Stmt[], alternate?: Stmt | Stmt[]): E.IfStatement {
  // A single simple statement needs no braces (but a nested `if` keeps them:
  // an `else` must not attach to it).
  const wrap = (s: Stmt | Stmt[]): Stmt => {
    if (!Array.isArray(s)) return s;
    const only = s.length === 1 ? s[0]! : undefined;
    return only !== undefined && only.type !== 'IfStatement' && only.type !== 'VariableDeclaration' ? only : block(s);
  };
  return {
    type: 'IfStatement',
    test,
    consequent: wrap(consequent),
    alternate: alternate === undefined ? null : wrap(alternate),
  };
}

export const cont = (): E.ContinueStatement => ({ type: 'ContinueStatement', label: null });
export const labeledContinue = (label: string): E.ContinueStatement => ({ type: 'ContinueStatement', label: id(label) });
export const brk = (label?: string): E.BreakStatement => ({ type: 'BreakStatement', label: label === undefined ? null : id(label) });

export const switchCase = (test: Expr | null, consequent: Stmt[]): E.SwitchCase => ({ type: 'SwitchCase', test, consequent });

export const switchStmt = (discriminant: Expr, cases: E.SwitchCase[]): E.SwitchStatement => ({
  type: 'SwitchStatement',
  discriminant,
  cases,
});

/** `for (;;) body` */
export const forever = (body: Stmt | Stmt[]): E.ForStatement => ({
  type: 'ForStatement',
  init: null,
  test: null,
  update: null,
  body: Array.isArray(body) ? block(body) : body,
});

export const labeled = (label: string, body: Stmt): E.LabeledStatement => ({ type: 'LabeledStatement', label: id(label), body });

export const tryCatch = (body: Stmt[], param: string, handler: Stmt[]): E.TryStatement => ({
  type: 'TryStatement',
  block: block(body),
  handler: { type: 'CatchClause', param: id(param), body: block(handler) },
  finalizer: null,
});

export function declare(kind: 'let' | 'const' | 'var', decls: [string, Expr | undefined][]): E.VariableDeclaration {
  return {
    type: 'VariableDeclaration',
    kind,
    declarations: decls.map(([name, init]) => ({ type: 'VariableDeclarator', id: id(name), init: init ?? null })),
  };
}

export const letDecl = (name: string, init?: Expr): E.VariableDeclaration => declare('let', [[name, init]]);
export const constDecl = (name: string, init: Expr): E.VariableDeclaration => declare('const', [[name, init]]);

export function fn(name: string, params: string[], body: Stmt[], pos?: Pos): E.FunctionDeclaration {
  return withLoc(
    {
      type: 'FunctionDeclaration',
      id: id(name, pos),
      params: params.map((p) => id(p)),
      body: block(body),
      generator: false,
      async: false,
    },
    pos,
  );
}

export const fnExpr = (params: string[], body: Stmt[]): E.FunctionExpression => ({
  type: 'FunctionExpression',
  id: null,
  params: params.map((p) => id(p)),
  body: block(body),
  generator: false,
  async: false,
});

// ---- module-level ----

export const importNamespace = (local: string, source: string): E.ImportDeclaration => ({
  type: 'ImportDeclaration',
  specifiers: [{ type: 'ImportNamespaceSpecifier', local: id(local) }],
  source: { type: 'Literal', value: source },
  attributes: [],
});

/** `export { a, b as c };` — names must be identifiers (see compiler/emit). */
export const exportNames = (names: [local: string, exported: string][]): E.ExportNamedDeclaration => ({
  type: 'ExportNamedDeclaration',
  declaration: null,
  specifiers: names.map(([local, exported]) => ({ type: 'ExportSpecifier', local: id(local), exported: id(exported) })),
  source: null,
  attributes: [],
});

export const exportDecl = (declaration: E.Declaration): E.ExportNamedDeclaration => ({
  type: 'ExportNamedDeclaration',
  declaration,
  specifiers: [],
  source: null,
  attributes: [],
});

export const program = (body: (Stmt | E.ModuleDeclaration)[]): E.Program => ({ type: 'Program', sourceType: 'module', body });

/** Attach `// text` line comments before a statement (astring prints them with `comments: true`). */
export function comment<T extends E.Node>(node: T, ...lines: string[]): T {
  const n = node as E.Node & { comments?: E.Comment[] };
  n.comments = [...(n.comments ?? []), ...lines.map((value) => ({ type: 'Line' as const, value }))];
  return node;
}
