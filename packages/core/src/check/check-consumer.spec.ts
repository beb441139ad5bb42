import type { CallSite, ConsumerUsage } from '../model';
import { loadSpec } from '../spec/load-spec';
import { listOperations } from '../spec/operations';
import { api, get, obj, post } from '../diff/diff-test-kit';
import { extractUsageFromSource } from '../usage/extract-usage';
import { checkConsumer, renameCandidate, type SpecVersions } from './check-consumer';

const BASE = `openapi: 3.0.3
info: { title: Users, version: 1.0.0 }
servers: [{ url: /api }]
paths:
  /users/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/User' }
  /users/{id}/legacy:
    get: { responses: { '200': { description: ok } } }
components:
  schemas:
    User:
      type: object
      properties:
        name: { type: string }
        email: { type: string }
        lastLogin: { type: string }
        age: { type: integer }
        address:
          type: object
          properties:
            city: { type: string }
`;

const HEAD = BASE.replace(`  /users/{id}/legacy:
    get: { responses: { '200': { description: ok } } }
`, '')
  .replace('        email: { type: string }\n        lastLogin: { type: string }\n', '        emailAddress: { type: string }\n')
  .replace('age: { type: integer }', 'age: { type: string }');

function versions(head: string, base?: string): SpecVersions {
  const index = (text: string) => {
    const spec = loadSpec('apis/users/openapi.yaml', () => text);
    return { spec, operations: listOperations(spec) };
  };
  return { name: 'users-api', file: 'apis/users/openapi.yaml', head: index(head), base: base === undefined ? undefined : index(base) };
}

function call(url: string, fields: string[], line = 1): CallSite {
  return {
    method: 'GET',
    urlTemplate: url,
    client: 'fetch',
    location: { file: 'apps/web/src/a.ts', line, column: 3 },
    responseFields: fields.map((path, index) => ({ path, location: { file: 'apps/web/src/a.ts', line: line + index + 1, column: 10 } })),
    requestFields: [],
  };
}

function check(calls: CallSite[], specVersions: SpecVersions) {
  const usage: ConsumerUsage = { calls, problems: [] };
  return checkConsumer('web', usage, [specVersions]).findings.map((finding) => ({
    rule: finding.ruleId,
    operation: finding.operation,
    property: finding.property,
    at: finding.consumers.map((consumer) => `${consumer.file}:${consumer.line}:${consumer.column}`),
    spec: finding.specLocation && `${finding.specLocation.file}:${finding.specLocation.line}`,
    base: finding.baseLocation && `${finding.baseLocation.file}:${finding.baseLocation.line}`,
    message: finding.message,
  }));
}

describe('checkConsumer', () => {
  it('fails each removed field the consumer reads, with both spec locations and a rename hint', () => {
    const findings = check([call('/api/users/{}', ['name', 'email', 'lastLogin'])], versions(HEAD, BASE));
    expect(findings).toEqual([
      {
        rule: 'response-property-removed',
        operation: 'GET /api/users/{id}',
        property: 'email',
        at: ['apps/web/src/a.ts:3:10'],
        spec: 'apis/users/openapi.yaml:17',
        base: 'apis/users/openapi.yaml:21',
        message: "GET /api/users/{id}: response property 'email' was removed (renamed to 'emailAddress'?), but web reads it",
      },
      {
        rule: 'response-property-removed',
        operation: 'GET /api/users/{id}',
        property: 'lastLogin',
        at: ['apps/web/src/a.ts:4:10'],
        spec: 'apis/users/openapi.yaml:17',
        base: 'apis/users/openapi.yaml:22',
        message: "GET /api/users/{id}: response property 'lastLogin' was removed, but web reads it",
      },
    ]);
  });

  it('passes a consumer that reads only what still exists', () => {
    expect(check([call('/api/users/{}', ['name', 'address.city'])], versions(HEAD, BASE))).toEqual([]);
  });

  it('reports a type change of a field that is read', () => {
    expect(check([call('/api/users/{}', ['age'])], versions(HEAD, BASE))).toEqual([
      expect.objectContaining({ rule: 'response-property-type-changed', property: 'age', message: expect.stringContaining('from integer to string') }),
    ]);
  });

  it('names an endpoint removal at the call site', () => {
    expect(check([call('/api/users/{}/legacy', [])], versions(HEAD, BASE))).toEqual([
      expect.objectContaining({ rule: 'endpoint-removed', operation: 'GET /api/users/{id}/legacy', at: ['apps/web/src/a.ts:1:3'], base: 'apis/users/openapi.yaml:14' }),
    ]);
  });

  it('without a base, still catches unknown operations and fields against the current spec', () => {
    expect(check([call('/api/user/{}', []), call('/api/users/{}', ['nmae'], 10)], versions(HEAD))).toEqual([
      expect.objectContaining({ rule: 'consumer-unknown-response-property', property: 'nmae', at: ['apps/web/src/a.ts:11:10'] }),
    ]);
    expect(check([call('/api/users/{}/plann', [])], versions(HEAD))).toEqual([
      expect.objectContaining({ rule: 'consumer-unknown-operation', message: 'web calls GET /api/users/{}/plann, which the spec does not define (did you mean GET /api/users/{id}?)' }),
    ]);
  });

  it('merges reads of the same removed field from many places into one finding', () => {
    const findings = check([call('/api/users/{}', ['lastLogin'], 1), call('/api/users/{}', ['lastLogin'], 20)], versions(HEAD, BASE));
    expect(findings).toHaveLength(1);
    expect(findings[0].at).toEqual(['apps/web/src/a.ts:2:10', 'apps/web/src/a.ts:21:10']);
  });
});

describe('checkConsumer with calls behind an unknown base URL', () => {
  const user = (fields: string[]) => get(obj(Object.fromEntries(fields.map((field) => [field, { type: 'string' }]))));
  const spec = (name: string) => {
    const index = (text: string) => {
      const loaded = loadSpec(`apis/${name}/openapi.yaml`, () => text);
      return { spec: loaded, operations: listOperations(loaded) };
    };
    return (head: unknown, base?: unknown): SpecVersions => ({
      name,
      file: `apis/${name}/openapi.yaml`,
      head: index(JSON.stringify(head)),
      ...(base === undefined ? {} : { base: index(JSON.stringify(base)) }),
    });
  };
  const users = (fields: string[]) => api({ '/users/{id}': { get: user(fields) }, '/orgs/{org}/users/{id}': { get: user(['role']) } }, { servers: [{ url: '/api' }] });
  const run = (calls: CallSite[], specs: SpecVersions[]) => checkConsumer('web', { calls, problems: [] }, specs);
  const rules = (result: ReturnType<typeof run>) => result.findings.map((finding) => `${finding.ruleId} ${finding.operation} ${finding.property ?? ''}`.trim());

  it('checks `{}/users/{}` against /users/{id}, not /orgs/{org}/users/{id} (which only ends like it)', () => {
    const result = run([call('{}/users/{}', ['email'])], [spec('users')(users(['name']), users(['name', 'email']))]);
    expect(rules(result)).toEqual(['response-property-removed GET /api/users/{id} email']);
    expect(result.resolvedCalls.map(({ operation }) => operation.path)).toEqual(['/api/users/{id}']);
  });

  it('reports the operation a call lost as removed, when its URL now only happens to fit another one', () => {
    const onlyOrgs = api({ '/orgs/{org}/users/{id}': { get: user(['role']) } }, { servers: [{ url: '/api' }] });
    const result = run([call('{}/users/{}', ['email'])], [spec('users')(onlyOrgs, users(['name', 'email']))]);
    expect(rules(result)).toEqual(['endpoint-removed GET /api/users/{id}']);
    expect(result.resolvedCalls).toEqual([]);
  });

  it('fails a consumer that uses what changed in a draft or alpha operation: the info level is the spec owner\'s, the consumer still breaks', () => {
    const alpha = (fields: string[]) => api({ '/users/{id}': { get: { ...user(fields), 'x-stability-level': 'alpha' } } }, { servers: [{ url: '/api' }] });
    const result = run([call('/api/users/{}', ['email'])], [spec('users')(alpha(['name']), alpha(['name', 'email']))]);
    expect(result.findings.map((finding) => `${finding.severity} ${finding.ruleId} ${finding.message}`)).toEqual(["error response-property-removed GET /api/users/{id}: response property 'email' was removed, but web reads it"]);
  });

  it('leaves `{}/{}` unchecked: it could be any operation', () => {
    const result = run([call('{}/{}', ['total'])], [spec('users')(users(['name']))]);
    expect(rules(result)).toEqual([]);
    expect(result.resolvedCalls).toEqual([]);
  });

  it('checks no fields of a call that two operations fit equally well, and says so in a note', () => {
    const items = api({ '/teams/{team}/items/{id}': { get: user(['name']) }, '/projects/{project}/items/{id}': { get: user(['title']) } }, { servers: [{ url: '/api' }] });
    const result = run([call('{}/items/{}', ['name'])], [spec('items')(items)]);
    expect(rules(result)).toEqual([]);
    expect(result.resolvedCalls).toEqual([]);
    expect(result.notes).toEqual([
      'web: GET {}/items/{} (apps/web/src/a.ts:1:3) fits GET /api/projects/{project}/items/{id}, GET /api/teams/{team}/items/{id} equally well, so it is not checked; write more of its path (or declare it in the usage manifest) to say which',
    ]);
  });

  it('takes the operation that fits best from any spec, not the first spec that has one', () => {
    const orgs = spec('orgs')(api({ '/orgs/{org}/users/{id}': { get: user(['role']) } }));
    const people = spec('people')(api({ '/users/{id}': { get: user(['name']) } }, { servers: [{ url: '/api' }] }));
    for (const specs of [
      [orgs, people],
      [people, orgs],
    ]) {
      const result = run([call('{}/users/{}', ['nmae'])], specs);
      expect(result.findings.map((finding) => `${finding.ruleId} ${finding.spec} ${finding.operation}`)).toEqual(['consumer-unknown-response-property people GET /api/users/{id}']);
    }
  });

  it('does not report a call to another service behind the same gateway prefix as an unknown operation', () => {
    const gateway = spec('users')(api({ '/users/me': { get: user(['name']) } }, { servers: [{ url: 'https://api.example.com/api/v1' }] }));
    expect(rules(run([call('/api/v1/payments/invoices', ['items'])], [gateway]))).toEqual([]);
    expect(rules(run([call('/api/v1/users/mee', [])], [gateway]))).toEqual(['consumer-unknown-operation GET /api/v1/users/mee']);
  });
});

describe('checkConsumer with openapi-diff as a second opinion', () => {
  const closed = BASE.replace('    User:\n      type: object\n', '    User:\n      type: object\n      additionalProperties: false\n');

  it('fails a caller of an operation whose body openapi-diff calls broken where no rule names a field', () => {
    const findings = check([call('/api/users/{}', ['name'])], versions(BASE, closed));
    expect(findings.map(({ rule, operation, at }) => ({ rule, operation, at }))).toEqual([
      { rule: 'body-change-flagged-by-openapi-diff', operation: 'GET /api/users/{id}', at: ['apps/web/src/a.ts:1:3'] },
    ]);
  });

  it('asks nothing when the consumer does not call the changed operation, and nothing when told not to', () => {
    expect(check([call('/api/users/{}/legacy', [])], versions(BASE, closed))).toEqual([]);
    const usage: ConsumerUsage = { calls: [call('/api/users/{}', ['name'])], problems: [] };
    expect(checkConsumer('web', usage, [versions(BASE, closed)], { secondOpinion: false }).findings).toEqual([]);
  });
});

describe('renameCandidate', () => {
  it('suggests a similar new name only when exactly one fits', () => {
    expect(renameCandidate('email', ['emailAddress'])).toBe('emailAddress');
    expect(renameCandidate('lastLogin', ['emailAddress'])).toBeUndefined();
    expect(renameCandidate('name', ['fullName', 'nickname'])).toBeUndefined();
  });
});

describe('checkConsumer with property names that hold a dot', () => {
  const spec = (nestedType: string, dottedType = 'integer') =>
    JSON.stringify(api({ '/people': { get: get(obj({ '@odata.nextLink': { type: 'string' }, 'x.y': { type: dottedType }, x: obj({ y: { type: nestedType } }) })) } }), null, 2);
  const reads = (...expressions: string[]) =>
    extractUsageFromSource('apps/web/src/a.ts', ['export async function page() {', "  const body = await (await fetch('/people')).json();", `  return [${expressions.join(', ')}];`, '}'].join('\n'));
  const findings = (usage: ConsumerUsage, head: string, base?: string) =>
    checkConsumer('web', usage, [versions(head, base)], { secondOpinion: false }).findings.map((finding) => ({ rule: finding.ruleId, property: finding.property, message: finding.message }));

  it('finds a key with a dot that the spec declares, with no spec change at all', () => {
    expect(findings(reads("body['@odata.nextLink']", "body['x.y']", 'body.x.y'), spec('integer'))).toEqual([]);
  });

  it('matches a change of nested x → y to a read of x.y only, never to a read of the key "x.y"', () => {
    expect(findings(reads("body['x.y']"), spec('string'), spec('integer'))).toEqual([]);
    expect(findings(reads('body.x.y'), spec('string'), spec('integer'))).toEqual([
      { rule: 'response-property-type-changed', property: 'x.y', message: "GET /people: response property 'x.y' changed type from integer to string, but web reads it" },
    ]);
  });

  it('matches a change of the key "x.y" to a read of that key only, and names it quoted', () => {
    expect(findings(reads('body.x.y'), spec('integer', 'string'), spec('integer'))).toEqual([]);
    expect(findings(reads("body['x.y']"), spec('integer', 'string'), spec('integer'))).toEqual([
      { rule: 'response-property-type-changed', property: '["x.y"]', message: 'GET /people: response property \'["x.y"]\' changed type from integer to string, but web reads it' },
    ]);
  });

  it('names an unknown dotted key whole and quoted', () => {
    expect(findings(reads("body['@odata.count']"), spec('integer'))).toEqual([
      expect.objectContaining({ rule: 'consumer-unknown-response-property', property: '["@odata.count"]' }),
    ]);
  });
});

describe('checkConsumer with a recursive schema', () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  type Json = Record<string, unknown>;
  /** A tree of nodes (`children[]` back to the node), with one leaf kind whose `size` never changes. */
  const tree = (size: Json | undefined, extra: Json = {}, required = ['name', 'size'], more: Json = {}) =>
    JSON.stringify(
      api(
        { '/tree': { get: get(ref('Node')), post: post(ref('Node')) }, '/forest': { get: get(obj({ trees: { type: 'array', items: ref('Node') }, leaf: ref('Leaf') })) } },
        { components: { schemas: { Node: obj({ name: { type: 'string' }, size, ...more, children: { type: 'array', items: ref('Node') } }, required), Leaf: obj({ size: { type: 'integer' }, next: ref('Leaf') }) } }, ...extra },
      ),
      null,
      2,
    );
  const usage = (source: string) => extractUsageFromSource('apps/web/src/a.ts', source);
  const findings = (consumer: ConsumerUsage, head: string, base: string) =>
    checkConsumer('web', consumer, [versions(head, base)], { secondOpinion: false }).findings.map((finding) => ({
      rule: finding.ruleId,
      property: finding.property,
      at: finding.consumers.map((use) => `${use.line}:${use.column}`),
    }));
  const readsChildSizes = usage(
    ['export async function sizes() {', "  const root = await (await fetch('/tree')).json();", '  return root.children.map((child: any) => [child.size, child.children[0].children[0].size]);', '}'].join('\n'),
  );

  const sendsTree = usage(['export function save(children: unknown[]) {', "  return fetch('/tree', { method: 'POST', body: JSON.stringify({ name: 'root', size: 1, children }) });", '}'].join('\n'));

  it.each([
    { rule: 'response-property-type-changed', base: tree({ type: 'integer' }), head: tree({ type: 'string' }) },
    { rule: 'response-property-became-nullable', base: tree({ type: 'integer' }), head: tree({ type: 'integer', nullable: true }) },
    { rule: 'response-property-became-optional', base: tree({ type: 'integer' }), head: tree({ type: 'integer' }, {}, ['name']) },
    { rule: 'response-property-enum-widened', base: tree({ type: 'integer', enum: [1, 2] }), head: tree({ type: 'integer', enum: [1, 2, 3] }) },
    // Before, only the lookup of each read in the current spec saw this one, once per depth.
    { rule: 'response-property-removed', base: tree({ type: 'integer' }), head: tree(undefined, {}, ['name']) },
  ])('fails with $rule on reads of size below the first level of the tree', ({ rule, base, head }) => {
    expect(findings(readsChildSizes, head, base)).toEqual([{ rule, property: 'size', at: ['3:51', '3:87'] }]);
  });

  it('does the same for OpenAPI 3.1 type lists', () => {
    const v31 = (type: unknown) => tree({ type }, { openapi: '3.1.0' });
    expect(findings(readsChildSizes, v31('string'), v31('integer'))).toEqual([{ rule: 'response-property-type-changed', property: 'size', at: ['3:51', '3:87'] }]);
    expect(findings(readsChildSizes, v31(['integer', 'null']), v31('integer'))).toEqual([{ rule: 'response-property-became-nullable', property: 'size', at: ['3:51', '3:87'] }]);
  });

  it('folds a loop that starts below the root, and leaves reads of other schemas alone', () => {
    const forest = usage(
      ['export async function sizes() {', "  const page = await (await fetch('/forest')).json();", '  return [page.trees[0].children[1].size, page.leaf.next.next.size, page.leaf.size, page.trees[0].name];', '}'].join('\n'),
    );
    expect(findings(forest, tree({ type: 'string' }), tree({ type: 'integer' }))).toEqual([{ rule: 'response-property-type-changed', property: 'trees[].size', at: ['3:37'] }]);
  });

  it('counts a request that sends the loop field as sending every field of the tree', () => {
    expect(findings(sendsTree, tree({ type: 'string' }), tree({ type: 'integer' }))).toEqual([{ rule: 'request-property-type-changed', property: 'size', at: ['2:80', '2:89'] }]);
  });

  it('counts a new required field as missing from the nodes a request sends under the loop field', () => {
    const withWeight = tree({ type: 'integer' }, {}, ['name', 'size', 'weight'], { weight: { type: 'number' } });
    expect(findings(sendsTree, withWeight, tree({ type: 'integer' }))).toEqual([{ rule: 'request-property-added-required', property: 'weight', at: ['2:10', '2:89'] }]);
  });
});
