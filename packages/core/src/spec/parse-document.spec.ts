import { parseSpecDocument, type ParsedDocument } from './parse-document';

describe('parseSpecDocument', () => {
  it('reads a JSON or YAML document that starts with a UTF-8 byte order mark, as if it had none', () => {
    for (const [file, text] of [['openapi.json', '\ufeff{\n  "openapi": "3.0.3",\n  "paths": {}\n}\n'], ['openapi.yaml', '\ufeffopenapi: 3.0.3\npaths: {}\n']]) {
      const parsed = parseSpecDocument(file, text) as ParsedDocument;
      expect(parsed.value).toEqual({ openapi: '3.0.3', paths: {} });
      expect(parsed.locate(['paths'])).toMatchObject({ file, line: file.endsWith('.json') ? 3 : 2 });
    }
  });

  it('reports an unclosed quote where it opens, not at the end of the file', () => {
    for (const quote of ['"', "'"]) {
      const text = `openapi: 3.0.3\npaths:\n  /users:\n    get:\n      summary: ${quote}List users\n      responses: {}\n  /orders:\n    get:\n      responses: {}\n`;
      expect(parseSpecDocument('openapi.yaml', text)).toMatchObject({
        code: 'spec-invalid-document',
        message: expect.stringContaining('the quote that opens here is never closed'),
        location: { file: 'openapi.yaml', line: 5, column: 16 },
      });
    }
  });

  it('says a file with a second YAML document (`---`) holds two, at the separator, in words about specs rather than the parser API', () => {
    const parsed = parseSpecDocument('openapi.yaml', 'openapi: 3.0.3\npaths: {}\n---\nfoo: 1\n');
    expect(parsed).toMatchObject({ code: 'spec-invalid-document', location: { file: 'openapi.yaml', line: 3, column: 1 } });
    expect((parsed as { message: string }).message).toBe('openapi.yaml holds more than one YAML document: the `---` at line 3 starts a second one');
    expect(JSON.stringify(parsed)).not.toContain('parseAllDocuments');
  });
});
