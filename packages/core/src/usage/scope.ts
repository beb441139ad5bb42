// A plain require: a namespace import compiles to a getter per access, measurably slow on hot paths.
import ts = require('typescript');

/**
 * Name resolution over one parsed file, without a type checker: a checker (even over a single
 * file with no lib) costs several times the parse, and the analysis only needs lexical scoping.
 * Tables are built lazily, once per scope node that a lookup walks through.
 */
export class Scopes {
  private readonly tables = new Map<ts.Node, Map<string, ts.Declaration>>();

  /** The declaration `identifier` refers to in this file, if any (imports included). */
  declarationOf(identifier: ts.Identifier): ts.Declaration | undefined {
    const name = identifier.text;
    for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
      if (!isScope(node)) continue;
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

function isScope(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.SourceFile:
    case ts.SyntaxKind.Block:
    case ts.SyntaxKind.ModuleBlock:
    case ts.SyntaxKind.CaseBlock:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.CatchClause:
    case ts.SyntaxKind.ClassExpression:
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

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
