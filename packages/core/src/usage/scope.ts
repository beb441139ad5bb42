// A plain require: a namespace import compiles to a getter per access, measurably slow on hot paths.
import ts = require('typescript');

/**
 * Name resolution over one parsed file, without a type checker: a checker (even over a single
 * file with no lib) costs several times the parse, and the analysis only needs lexical scoping.
 * Tables are built lazily, once per scope node that a lookup walks through.
 */
export class Scopes {
  private readonly tables = new Map<ts.Node, Map<string, ts.Declaration>>();
  /**
   * Every name the file declares (a superset: every identifier that is its parent's `name`), when
   * the walk that sets parent pointers has collected them. A name not in it (`console`, `JSON`,
   * `window`) resolves to nothing without walking up the scopes.
   */
  private declaredNames: ReadonlySet<string> | undefined;

  setDeclaredNames(names: ReadonlySet<string>): void {
    this.declaredNames = names;
  }

  /** The declaration `identifier` refers to in this file, if any (imports included). */
  declarationOf(identifier: ts.Identifier): ts.Declaration | undefined {
    const name = identifier.text;
    if (this.declaredNames && !this.declaredNames.has(name)) return undefined;
    for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
      if (SCOPE_KINDS[node.kind] !== 1) continue;
      const found = this.table(node).get(name);
      if (found) return found;
    }
    return undefined;
  }

  private table(scope: ts.Node): Map<string, ts.Declaration> {
    let table = this.tables.get(scope);
    if (!table) {
      table = new Map();
      fillTable(scope, table);
      this.tables.set(scope, table);
    }
    return table;
  }
}

/**
 * A table with 1 at each of `kinds`: asked of every node of every file, it beats a chain of
 * `case ts.SyntaxKind.X` labels, which load two properties per label tried.
 */
export function kindTable(kinds: readonly ts.SyntaxKind[]): Uint8Array {
  const table = new Uint8Array(ts.SyntaxKind.Count);
  for (const kind of kinds) table[kind] = 1;
  return table;
}

/** 1 for the kinds of node that open a scope (asked of every ancestor of every name looked up). */
const SCOPE_KINDS = kindTable([
  ts.SyntaxKind.SourceFile,
  ts.SyntaxKind.Block,
  ts.SyntaxKind.ModuleBlock,
  ts.SyntaxKind.CaseBlock,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.CatchClause,
  ts.SyntaxKind.ClassExpression,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

function fillTable(scope: ts.Node, table: Map<string, ts.Declaration>): void {
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) {
    for (const statement of scope.statements) addStatement(statement, table);
  } else if (ts.isCaseBlock(scope)) {
    for (const clause of scope.clauses) for (const statement of clause.statements) addStatement(statement, table);
  } else if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const initializer = scope.initializer;
    if (initializer && ts.isVariableDeclarationList(initializer)) for (const declaration of initializer.declarations) addBinding(declaration.name, declaration, table);
  } else if (ts.isCatchClause(scope)) {
    if (scope.variableDeclaration) addBinding(scope.variableDeclaration.name, scope.variableDeclaration, table);
  } else if (ts.isClassExpression(scope)) {
    if (scope.name) table.set(scope.name.text, scope);
  } else if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) addBinding(parameter.name, parameter, table);
    if (ts.isFunctionExpression(scope) && scope.name && !table.has(scope.name.text)) table.set(scope.name.text, scope);
  }
}

function addStatement(statement: ts.Statement, table: Map<string, ts.Declaration>): void {
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) addBinding(declaration.name, declaration, table);
  } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
    // Overloads: the declaration with a body is the one that runs.
    if (!table.has(statement.name.text) || !ts.isFunctionDeclaration(statement) || statement.body) table.set(statement.name.text, statement);
  } else if (ts.isImportDeclaration(statement) && statement.importClause) {
    const clause = statement.importClause;
    if (clause.name) table.set(clause.name.text, clause);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) table.set(bindings.name.text, bindings);
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) table.set(element.name.text, element);
  } else if (ts.isImportEqualsDeclaration(statement)) {
    table.set(statement.name.text, statement);
  }
}

function addBinding(name: ts.BindingName, declaration: ts.Declaration, table: Map<string, ts.Declaration>): void {
  if (ts.isIdentifier(name)) {
    table.set(name.text, declaration);
    return;
  }
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) addBinding(element.name, ts.isIdentifier(element.name) ? element : declaration, table);
  }
}
