/**
 * XLSForm's expressions (a subset of XPath 1.0, as ODK and KoBoToolbox write them) translated
 * into SurveyJS expressions with the same meaning: `${x} = 'yes'`, `selected(${q}, 'a')`,
 * `count-selected(${q})`, `and` / `or` / `not()`, arithmetic, `.` for the question itself.
 * What has no SurveyJS equivalent is refused with a reason (the caller lists the row), never
 * translated into something that means less.
 */

/** How a `${name}` (or `.`) is written in SurveyJS, and what kind of answer it holds. */
export interface Reference {
  /** The SurveyJS reference, braces included: `{age}`, `{panel.age}`. */
  text: string;
  /** A select_multiple: its value is a list, so `selected()` is `contains`. */
  multiple: boolean;
}

export interface XPathContext {
  /** The reference for `${name}`, or why there is none. */
  resolve(name: string): Reference | { error: string };
  /** The question the expression belongs to, for `.` (constraints). */
  self?: string;
}

export type Translation = { expression: string } | { error: string };

type Node =
  | { kind: 'literal'; text: string; value: string | number }
  | { kind: 'ref'; name: string | undefined }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; operand: Node }
  | { kind: 'binary'; operator: string; left: Node; right: Node };

type Token = { kind: 'ref' | 'string' | 'number' | 'name' | 'op'; text: string };

class XPathError extends Error {}

const OPERATORS = ['!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '(', ')', ',', '|'];
/** Binding strength of each binary operator, weakest first, as in XPath 1.0. */
const LEVELS: string[][] = [['or'], ['and'], ['=', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', 'div', 'mod']];
const SURVEYJS_OPERATOR: Record<string, string> = { div: '/', mod: '%' };

/**
 * Translates one XLSForm expression.
 * @example translateXPath("${age} >= 18 and selected(${channels}, 'police_app')", context)
 *   // → { expression: "({age} >= 18) and ({channels} contains 'police_app')" }
 */
export function translateXPath(source: string, context: XPathContext): Translation {
  try {
    const tokens = tokenize(source);
    const parser = new Parser(tokens);
    const tree = parser.expression(0);
    if (!parser.done()) throw new XPathError(`cannot read "${parser.rest()}"`);
    return { expression: print(tree, context) };
  } catch (error) {
    if (error instanceof XPathError) return { error: error.message };
    throw error;
  }
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) { at += space[0].length; continue; }
    const match = /^\$\{([^}]*)\}/.exec(rest) ?? null;
    if (match) { tokens.push({ kind: 'ref', text: match[1]!.trim() }); at += match[0].length; continue; }
    const string = /^'([^']*)'|^"([^"]*)"/.exec(rest);
    if (string) { tokens.push({ kind: 'string', text: string[1] ?? string[2]! }); at += string[0].length; continue; }
    const number = /^(\d+(\.\d*)?|\.\d+)/.exec(rest);
    if (number) { tokens.push({ kind: 'number', text: number[0] }); at += number[0].length; continue; }
    const name = /^[A-Za-z_][\w\-:.]*/.exec(rest);
    if (name) { tokens.push({ kind: 'name', text: name[0].replace(/[-.]+$/, '') }); at += name[0].replace(/[-.]+$/, '').length; continue; }
    if (rest.startsWith('.')) { tokens.push({ kind: 'ref', text: '.' }); at += 1; continue; }
    const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!operator) throw new XPathError(`cannot read "${rest.slice(0, 20)}"`);
    tokens.push({ kind: 'op', text: operator });
    at += operator.length;
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean { return this.at >= this.tokens.length; }
  rest(): string { return this.tokens.slice(this.at).map((token) => token.text).join(' '); }

  private peekOperator(): string | undefined {
    const token = this.tokens[this.at];
    if (!token) return undefined;
    if (token.kind === 'op') return token.text;
    if (token.kind === 'name' && ['and', 'or', 'div', 'mod'].includes(token.text)) return token.text;
    return undefined;
  }

  private expect(text: string): void {
    const token = this.tokens[this.at];
    if (token?.kind !== 'op' || token.text !== text) throw new XPathError(`expected "${text}"${token ? ` before "${this.rest()}"` : ' at the end'}`);
    this.at += 1;
  }

  expression(level: number): Node {
    if (level === LEVELS.length) return this.unary();
    let left = this.expression(level + 1);
    for (let operator = this.peekOperator(); operator && LEVELS[level]!.includes(operator); operator = this.peekOperator()) {
      this.at += 1;
      left = { kind: 'binary', operator, left, right: this.expression(level + 1) };
    }
    return left;
  }

  private unary(): Node {
    if (this.peekOperator() === '-') {
      this.at += 1;
      return { kind: 'unary', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    const token = this.tokens[this.at];
    if (!token) throw new XPathError('the expression ends too early');
    this.at += 1;
    if (token.kind === 'string') return { kind: 'literal', text: quote(token.text), value: token.text };
    if (token.kind === 'number') return { kind: 'literal', text: String(Number(token.text)), value: Number(token.text) };
    if (token.kind === 'ref') return { kind: 'ref', name: token.text === '.' ? undefined : token.text };
    if (token.kind === 'op' && token.text === '(') {
      const inner = this.expression(0);
      this.expect(')');
      return inner;
    }
    if (token.kind === 'name' && this.tokens[this.at]?.text === '(') {
      this.at += 1;
      const args: Node[] = [];
      if (this.tokens[this.at]?.text !== ')') {
        args.push(this.expression(0));
        while (this.tokens[this.at]?.text === ',') { this.at += 1; args.push(this.expression(0)); }
      }
      this.expect(')');
      return { kind: 'call', name: token.text, args };
    }
    if (token.kind === 'name') throw new XPathError(`"${token.text}" is an XPath path, not a \${question} reference`);
    throw new XPathError(`unexpected "${token.text}"`);
  }
}

function quote(text: string): string {
  return text.includes("'") ? `"${text}"` : `'${text}'`;
}

function reference(node: Node, context: XPathContext): Reference {
  if (node.kind !== 'ref') throw new XPathError('expects a ${question} reference');
  const name = node.name ?? context.self;
  if (!name) throw new XPathError('"." (this question) is used outside a question');
  const resolved = context.resolve(name);
  if ('error' in resolved) throw new XPathError(resolved.error);
  return resolved;
}

function print(node: Node, context: XPathContext): string {
  switch (node.kind) {
    case 'literal': return node.text;
    case 'ref': return reference(node, context).text;
    case 'unary': return node.operand.kind === 'literal' && typeof node.operand.value === 'number' ? `-${node.operand.text}` : `(0 - ${wrap(node.operand, context)})`;
    case 'call': return printCall(node.name, node.args, context);
    case 'binary': {
      // XPath compares an unanswered question with '' as equal; SurveyJS has `empty` for that.
      const emptySide = isEmptyString(node.right) ? node.left : isEmptyString(node.left) ? node.right : undefined;
      if (emptySide && (node.operator === '=' || node.operator === '!=')) return `${wrap(emptySide, context)} ${node.operator === '=' ? 'empty' : 'notempty'}`;
      return `${wrap(node.left, context, node.operator)} ${SURVEYJS_OPERATOR[node.operator] ?? node.operator} ${wrap(node.right, context, node.operator)}`;
    }
  }
}

function isEmptyString(node: Node): boolean {
  return node.kind === 'literal' && node.value === '';
}

/** A compound part in parentheses, so SurveyJS's precedence cannot regroup it (a chain of one and/or stays flat). */
function wrap(node: Node, context: XPathContext, parent?: string): string {
  const text = print(node, context);
  // selected() prints as an infix comparison (`{q} contains 'a'`), so it is compound too.
  if (node.kind === 'call' && node.name === 'selected') return `(${text})`;
  if (node.kind !== 'binary') return text;
  if (parent && parent === node.operator && (parent === 'and' || parent === 'or')) return text;
  return `(${text})`;
}

function arity(name: string, args: Node[], count: number): void {
  if (args.length !== count) throw new XPathError(`${name}() takes ${count} argument${count === 1 ? '' : 's'}, not ${args.length}`);
}

function printCall(name: string, args: Node[], context: XPathContext): string {
  switch (name) {
    case 'selected': {
      arity(name, args, 2);
      const target = reference(args[0]!, context);
      const value = print(args[1]!, context);
      return target.multiple ? `${target.text} contains ${value}` : `${target.text} = ${value}`;
    }
    case 'count-selected':
      arity(name, args, 1);
      return `count(${reference(args[0]!, context).text})`;
    case 'not':
      arity(name, args, 1);
      return `!(${print(args[0]!, context)})`;
    case 'true': case 'false':
      arity(name, args, 0);
      return name;
    case 'if':
      arity(name, args, 3);
      return `iif(${args.map((arg) => print(arg, context)).join(', ')})`;
    case 'today':
      arity(name, args, 0);
      return 'today()';
    case 'now':
      arity(name, args, 0);
      return 'currentDate()';
    case 'int':
      arity(name, args, 1);
      return `trunc(${print(args[0]!, context)})`;
    case 'round':
      if (args.length < 1 || args.length > 2) throw new XPathError('round() takes one or two arguments');
      return `round(${args.map((arg) => print(arg, context)).join(', ')})`;
    case 'coalesce': {
      arity(name, args, 2);
      const [first, second] = args.map((arg) => print(arg, context));
      return `iif(${first} notempty, ${first}, ${second})`;
    }
    case 'min': case 'max':
      if (args.length < 2) throw new XPathError(`${name}() over a repeat is not translated; give two or more values`);
      return `${name}(${args.map((arg) => print(arg, context)).join(', ')})`;
    default:
      throw new XPathError(`the function ${name}() has no SurveyJS equivalent here`);
  }
}
