import { summarizeSpec, type SpecSummary, type SpecSummaryCache } from './spec-summary';

const SPEC = `openapi: 3.0.3
info: { title: Users, version: 1.0.0 }
paths:
  /users/{id}/plan:
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: './plan.yaml' } } } }
`;
const PLAN = 'type: object\nproperties:\n  renewsAt: { type: string }\n';

function memoryCache(): SpecSummaryCache {
  const entries = new Map<string, SpecSummary>();
  return { get: (file) => entries.get(file), set: (file, summary) => entries.set(file, summary) };
}

describe('summarizeSpec with a cache', () => {
  it('makes a new summary when a file a $ref pointed to in vain is created, though the spec file is unchanged', () => {
    const files: Record<string, string> = { 'apis/users/openapi.yaml': SPEC };
    const read = (file: string) => files[file];
    const cache = memoryCache();
    const dangling = summarizeSpec('apis/users/openapi.yaml', read, cache, true);
    expect(dangling).toMatchObject({ valid: false, unreadable: ['apis/users/plan.yaml'] });
    expect(Object.keys(dangling.documents)).toEqual(['apis/users/openapi.yaml']);
    expect(summarizeSpec('apis/users/openapi.yaml', read, cache, true)).toBe(dangling);

    files['apis/users/plan.yaml'] = PLAN;
    const complete = summarizeSpec('apis/users/openapi.yaml', read, cache, true);
    expect(complete.valid).toBe(true);
    expect(Object.keys(complete.documents)).toEqual(['apis/users/openapi.yaml', 'apis/users/plan.yaml']);
    expect(complete.unreadable).toBeUndefined();
    expect(complete.fingerprint?.file).toBe('apis/users/openapi.contract.json');
    // And an edit of the new file is seen from then on.
    files['apis/users/plan.yaml'] = 'type: object\n';
    expect(summarizeSpec('apis/users/openapi.yaml', read, cache, true)).not.toBe(complete);
  });
});
