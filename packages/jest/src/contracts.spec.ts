import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ContractSet } from './contracts';

const repoRoot = path.resolve(__dirname, '../../..');
const ORDERS = 'packages/jest/src/__fixtures__/parameters-api.yaml';
const USERS = 'examples/story/change/apis/users/openapi.yaml';

describe('unknown operations when several specs share a base path (/api)', () => {
  // Orders first: the spec listed first must not take every unknown URL under /api.
  const contracts = new ContractSet(repoRoot, () => [ORDERS, USERS]);

  it('reports the URL against the spec with the closest operation, with it as the suggestion', () => {
    const match = contracts.match('GET', '/api/users/7/avatar');
    expect(match.kind).toBe('unknown');
    if (match.kind !== 'unknown') return;
    expect(match.contract.file).toBe(USERS);
    expect(`${match.suggestion?.method} ${match.suggestion?.path}`).toBe('GET /api/users/{id}/plan');
  });

  it('and against the other spec when that one is closer', () => {
    const match = contracts.match('GET', '/api/orders/7/items');
    expect(match.kind === 'unknown' && match.contract.file).toBe(ORDERS);
  });
});

describe('a URL that overlapping templates fit equally well', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-jest-overlap-'));
    const route = (template: string) => `  ${template}:\n    get: { responses: { '200': { description: ok } } }\n`;
    fs.writeFileSync(path.join(root, 'openapi.yaml'), `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n${route('/teams/{team}')}${route('/{kind}/archive')}`);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is an operation of the spec (the first by path), not an unknown one', () => {
    const match = new ContractSet(root, () => ['openapi.yaml']).match('GET', '/teams/archive');
    expect(match.kind === 'matched' && match.operation.path).toBe('/teams/{team}');
  });
});
