import { fingerprintFieldKey, fingerprintFieldPath, fingerprintFilePath, renderFingerprintFile } from './fingerprint-file';

const spec = (userSchema: string, extra = '') => `openapi: 3.0.3
info: { title: Users, version: 1.0.0 }
paths:
  /users/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: ${userSchema}
  /v1.2/plans:
    get:
      responses: { '200': { description: ok } }
components:
  schemas:
    User: { type: object, properties: { name: { type: string } } }
${extra}`;

const render = (text: string) => {
  const rendered = renderFingerprintFile('apis/users/openapi.yaml', (file) => (file === 'apis/users/openapi.yaml' ? text : undefined));
  return rendered && (JSON.parse(rendered.text).operations as Record<string, string>);
};

describe('fingerprint files', () => {
  it('sit beside the spec', () => {
    expect(fingerprintFilePath('apis/users/openapi.yaml')).toBe('apis/users/openapi.contract.json');
    expect(fingerprintFilePath('swagger.json')).toBe('swagger.contract.json');
  });

  it('encode dots in keys, so Nx field paths can never silently miss them', () => {
    expect(fingerprintFieldKey('GET /api/v1.2/plans')).toBe('GET /api/v1%2E2/plans');
    expect(fingerprintFieldPath('GET /api/v1.2/plans')).toBe('operations.GET /api/v1%2E2/plans');
    expect(Object.keys(render(spec("{ $ref: '#/components/schemas/User' }")) ?? {})).toEqual(['GET /users/{}', 'GET /v1%2E2/plans']);
  });

  it('do not change when an inline schema moves into components, or when only docs change', () => {
    const viaRef = render(spec("{ $ref: '#/components/schemas/User' }"));
    const inline = render(spec('{ type: object, properties: { name: { type: string } } }'));
    const documented = render(spec("{ $ref: '#/components/schemas/User' }").replace("description: ok\n          content", "description: The user, in full\n          content"));
    expect(inline).toEqual(viaRef);
    expect(documented).toEqual(viaRef);
  });

  it('change for exactly the operation whose closure changed', () => {
    const before = render(spec("{ $ref: '#/components/schemas/User' }")) ?? {};
    const after = render(spec("{ $ref: '#/components/schemas/User' }").replace('name: { type: string }', 'name: { type: integer }')) ?? {};
    expect(after['GET /users/{}']).not.toBe(before['GET /users/{}']);
    expect(after['GET /v1%2E2/plans']).toBe(before['GET /v1%2E2/plans']);
  });

  it('change when a property named like a prose keyword (description) is removed', () => {
    const withDescription = spec("{ $ref: '#/components/schemas/User' }").replace('name: { type: string } }', 'name: { type: string }, description: { type: string } }');
    expect(render(withDescription)?.['GET /users/{}']).not.toBe(render(spec("{ $ref: '#/components/schemas/User' }"))?.['GET /users/{}']);
  });

  it('are not rendered for a spec with problems (its check reports them instead)', () => {
    expect(render("openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: { /a: { get: { $ref: '#/nope' } } }\n")).toBeUndefined();
  });
});
