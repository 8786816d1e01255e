import { ScimError } from "@/lib/scim/scim-error";

/** A parsed SCIM filter (RFC 7644 §3.4.2.2). Attribute paths are lower-cased: SCIM names are case-insensitive. */
export type ScimFilter =
  | { kind: "compare"; path: string; op: CompareOperator; value: string | number | boolean | null }
  | { kind: "present"; path: string }
  | { kind: "and" | "or"; left: ScimFilter; right: ScimFilter }
  | { kind: "not"; filter: ScimFilter }
  | { kind: "valuePath"; path: string; filter: ScimFilter };

export const compareOperators = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"] as const;
export type CompareOperator = (typeof compareOperators)[number];

/** Bounds that keep a hostile filter from costing more than a reasonable one: length, nesting and size. */
export const filterLimits = { length: 1000, depth: 8, nodes: 40 } as const;

type Token = { type: "word" | "string" | "(" | ")" | "[" | "]"; text: string };

const invalid = (message: string) => new ScimError("invalidFilter", message);

/** Splits a filter into words, JSON strings and brackets. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    if (/\s/.test(character)) {
      index++;
    } else if ("()[]".includes(character)) {
      tokens.push({ type: character as Token["type"], text: character });
      index++;
    } else if (character === '"') {
      const match = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/.exec(text.slice(index));
      if (!match) throw invalid("The filter has a string that is not closed or not valid JSON.");
      tokens.push({ type: "string", text: JSON.parse(match[0]) as string });
      index += match[0].length;
    } else {
      const match = /^[^\s()[\]"]+/.exec(text.slice(index))!;
      tokens.push({ type: "word", text: match[0] });
      index += match[0].length;
    }
  }
  return tokens;
}

const attributePath = /^(?:urn:[A-Za-z0-9:._-]+:)?[A-Za-z][\w$-]*(?:\.[A-Za-z][\w$-]*)?$/;

/** Drops a core schema URN prefix: `urn:…:User:userName` is `userName`. */
export function stripCoreSchema(path: string): string {
  return path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(?:user|group):/i, "");
}

/** A path without its core schema URN, lower-cased, as SCIM attribute names are case-insensitive. */
export function normalizePath(path: string): string {
  return stripCoreSchema(path).toLowerCase();
}

/** A recursive-descent parser over the token list; every step checks the limits. */
class Parser {
  private position = 0;
  private nodes = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): ScimFilter {
    const filter = this.orExpression(0);
    if (this.position < this.tokens.length) throw invalid(`Unexpected "${this.tokens[this.position]!.text}" in the filter.`);
    return filter;
  }

  private peekWord(word: string): boolean {
    const token = this.tokens[this.position];
    return token?.type === "word" && token.text.toLowerCase() === word;
  }

  private expect(type: Token["type"]): Token {
    const token = this.tokens[this.position];
    if (token?.type !== type) throw invalid(token ? `Expected "${type}" but found "${token.text}".` : "The filter ends too early.");
    this.position++;
    return token;
  }

  private count(depth: number) {
    if (depth > filterLimits.depth) throw invalid(`The filter nests deeper than ${filterLimits.depth} levels.`);
    if (++this.nodes > filterLimits.nodes) throw invalid(`The filter has more than ${filterLimits.nodes} parts.`);
  }

  private orExpression(depth: number): ScimFilter {
    let left = this.andExpression(depth);
    while (this.peekWord("or")) {
      this.position++;
      this.count(depth);
      left = { kind: "or", left, right: this.andExpression(depth) };
    }
    return left;
  }

  private andExpression(depth: number): ScimFilter {
    let left = this.unary(depth);
    while (this.peekWord("and")) {
      this.position++;
      this.count(depth);
      left = { kind: "and", left, right: this.unary(depth) };
    }
    return left;
  }

  private unary(depth: number): ScimFilter {
    this.count(depth);
    if (this.peekWord("not")) {
      this.position++;
      this.expect("(");
      const filter = this.orExpression(depth + 1);
      this.expect(")");
      return { kind: "not", filter };
    }
    if (this.tokens[this.position]?.type === "(") {
      this.position++;
      const filter = this.orExpression(depth + 1);
      this.expect(")");
      return filter;
    }
    return this.attributeExpression(depth);
  }

  private attributeExpression(depth: number): ScimFilter {
    const pathToken = this.expect("word");
    if (!attributePath.test(pathToken.text)) throw invalid(`"${pathToken.text}" is not an attribute name.`);
    const path = normalizePath(pathToken.text);
    if (this.tokens[this.position]?.type === "[") {
      this.position++;
      const filter = this.orExpression(depth + 1);
      this.expect("]");
      // `emails[type eq "work"].value eq "x"`, as Microsoft documents it, is `emails[type eq "work" and value eq "x"]`.
      const next = this.tokens[this.position];
      if (next?.type === "word" && /^\.[A-Za-z][\w$-]*$/.test(next.text)) {
        this.position++;
        this.count(depth + 1);
        const compared = this.comparison(next.text.slice(1).toLowerCase());
        return { kind: "valuePath", path, filter: { kind: "and", left: filter, right: compared } };
      }
      return { kind: "valuePath", path, filter };
    }
    return this.comparison(path);
  }

  /** The operator and value after an attribute path. */
  private comparison(path: string): ScimFilter {
    const operator = this.expect("word").text.toLowerCase();
    if (operator === "pr") return { kind: "present", path };
    if (!(compareOperators as readonly string[]).includes(operator)) throw invalid(`"${operator}" is not a SCIM filter operator.`);
    return { kind: "compare", path, op: operator as CompareOperator, value: this.value() };
  }

  private value(): string | number | boolean | null {
    const token = this.tokens[this.position++];
    if (!token) throw invalid("The filter ends before a comparison's value.");
    if (token.type === "string") return token.text;
    if (token.type !== "word") throw invalid(`Expected a value but found "${token.text}".`);
    const word = token.text.toLowerCase();
    if (word === "true" || word === "false") return word === "true";
    if (word === "null") return null;
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(token.text)) return Number(token.text);
    // Microsoft's provisioning tutorial sends strings unquoted (`externalId eq jyoung`,
    // `userName sw O`); a word that is no other kind of value can only be a string.
    return token.text;
  }
}

/** Parses a SCIM filter, or throws invalidFilter (400) naming what is wrong; never more work than the limits allow. */
export function parseScimFilter(text: string): ScimFilter {
  if (text.length > filterLimits.length) throw invalid(`The filter is longer than ${filterLimits.length} characters.`);
  const tokens = tokenize(text);
  if (tokens.length === 0) throw invalid("The filter is empty.");
  return new Parser(tokens).parse();
}
