/** The first JSON syntax error in a text: where it is and what was expected. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

/**
 * Finds the first syntax error of a JSON text, with its offset. JSON.parse on Node 20 often says
 * what is wrong but not where, and a YAML parser accepts things JSON does not (`"a": }`), so JSON
 * files that JSON.parse rejects are scanned once more to point at the exact spot.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let offset = 0;
  const fail = (message: string): never => {
    throw { offset, message } satisfies JsonSyntaxError;
  };
  const skipWhitespace = () => {
    while (offset < text.length && ' \t\n\r'.includes(text[offset])) offset++;
  };
  const describeHere = () => (offset >= text.length ? 'the end of the file' : `'${text[offset]}'`);
  const expect = (char: string) => {
    skipWhitespace();
    if (text[offset] !== char) fail(`expected '${char}' but found ${describeHere()}`);
    offset++;
  };
  const parseString = () => {
    expect('"');
    while (offset < text.length && text[offset] !== '"') {
      if (text[offset] === '\\') offset++;
      else if (text[offset] === '\n' || text[offset] === '\r') fail('line break inside a string (a missing closing quote?)');
      else if (text.charCodeAt(offset) < 0x20) fail('control character in a string');
      offset++;
    }
    if (offset >= text.length) fail('unterminated string');
    offset++;
  };
  const parseValue = (): void => {
    skipWhitespace();
    const char = text[offset];
    if (char === '{') {
      offset++;
      skipWhitespace();
      if (text[offset] === '}') return void offset++;
      for (;;) {
        skipWhitespace();
        if (text[offset] !== '"') fail(`expected a property name in double quotes but found ${describeHere()}`);
        parseString();
        expect(':');
        parseValue();
        skipWhitespace();
        if (text[offset] === ',') offset++;
        else if (text[offset] === '}') return void offset++;
        else fail(`expected ',' or '}' but found ${describeHere()}`);
      }
    }
    if (char === '[') {
      offset++;
      skipWhitespace();
      if (text[offset] === ']') return void offset++;
      for (;;) {
        parseValue();
        skipWhitespace();
        if (text[offset] === ',') offset++;
        else if (text[offset] === ']') return void offset++;
        else fail(`expected ',' or ']' but found ${describeHere()}`);
      }
    }
    if (char === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(offset, offset + 64));
    if (!literal) fail(`expected a value but found ${describeHere()}`);
    offset += (literal as RegExpExecArray)[0].length;
  };
  try {
    parseValue();
    skipWhitespace();
    if (offset < text.length) fail(`unexpected ${describeHere()} after the end of the document`);
    return undefined;
  } catch (error) {
    return error as JsonSyntaxError;
  }
}
