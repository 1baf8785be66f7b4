/**
 * Safe emission helpers. Nothing written in a policy reaches generated code except through
 * `lit` (a JSON string literal with line separators escaped) or `comment` (a line comment with
 * every line terminator removed), so names and strings cannot break out of the module.
 */

/** A JavaScript string literal for any text. */
export function lit(s: string): string {
  return JSON.stringify(s)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** JSON for a value embedded in generated code (line separators escaped like `lit`). */
export function json(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  // In an object literal `"__proto__": v` sets the prototype instead of making a key; JSON.parse
  // makes an own property, so data with such a key is embedded as a parsed string.
  if (text.includes('"__proto__"')) return `JSON.parse(${lit(text)})`;
  return text.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A single-line comment: line terminators become spaces, so the text cannot end the comment. */
export function comment(s: string): string {
  return `// ${s.replace(/[\r\n\u2028\u2029\u0085]+/g, " ")}`;
}

/** Decimal constants hoisted to module level, each parsed once when the module loads. */
export class Hoister {
  private readonly decs = new Map<string, string>();
  readonly lines: string[] = [];

  /** The name of a hoisted decimal constant. */
  dec(value: string): string {
    let name = this.decs.get(value);
    if (!name) {
      name = `K${this.decs.size}`;
      this.decs.set(value, name);
      this.lines.push(`const ${name} = rt.dec(${lit(value)});`);
    }
    return name;
  }

  /** A string literal for explanation text (inline: literals are already constants in JS). */
  str(value: string): string {
    return lit(value);
  }
}

/** Lines with indentation, joined at the end. */
export class Writer {
  private readonly out: string[] = [];
  private depth = 0;

  line(s = ""): this {
    this.out.push(s ? "  ".repeat(this.depth) + s : "");
    return this;
  }

  /** Open a block: writes `head {` and indents. */
  open(head: string): this {
    this.line(head ? `${head} {` : "{");
    this.depth++;
    return this;
  }

  close(tail = "}"): this {
    this.depth--;
    return this.line(tail);
  }

  toString(): string {
    return this.out.join("\n");
  }
}
