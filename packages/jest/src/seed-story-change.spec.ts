import * as path from 'node:path';
import { formatViolation } from './exchange';
import { installContractValidation } from './install';
import { loadProfile } from './__fixtures__/profile';

const story = path.resolve(__dirname, '../../../examples/story');
const staleUser = { id: '42', name: 'Ada', email: 'ada@example.com', lastLogin: '2026-11-20T10:00:00Z' };

// One install per file: the setup hooks the file's global fetch.
const validation = installContractValidation({ workspaceRoot: path.join(story, 'change') }, jest);

describe('the seed story after the backend change (lastLogin dropped, email renamed)', () => {
  it('fails a fetch stub that still returns lastLogin and email', async () => {
    global.fetch = jest.fn(async () => new Response(JSON.stringify(staleUser))) as unknown as typeof fetch;
    await loadProfile('42');
    const violations = validation.takeViolations();
    expect(violations.map(formatViolation).join('\n')).toMatchInlineSnapshot(`
"GET /api/users/{id} 200 response does not match the contract:
  /emailAddress is required but missing — apis/users/openapi.yaml:45:5 (#/components/schemas/User)
  /email is not in the contract (unknown property) — apis/users/openapi.yaml:45:5 (#/components/schemas/User)
  /lastLogin is not in the contract (unknown property) — apis/users/openapi.yaml:45:5 (#/components/schemas/User)
  called from packages/jest/src/seed-story-change.spec.ts:15:22 (fetch call in packages/jest/src/__fixtures__/profile.ts:3:26)"
`);
  });
});
