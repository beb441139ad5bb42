import * as path from 'node:path';
import { installContractValidation } from './install';
import { loadProfile } from './__fixtures__/profile';

const story = path.resolve(__dirname, '../../../examples/story');
const baseUser = { id: '42', name: 'Ada', email: 'ada@example.com', lastLogin: '2026-11-20T10:00:00Z' };

describe('the seed story: a mock that still returns lastLogin', () => {
  describe('against the spec before the change', () => {
    const validation = installContractValidation({ workspaceRoot: path.join(story, 'workspace') }, jest);
    afterAll(() => validation.uninstall());

    it('passes', async () => {
      global.fetch = jest.fn(async () => new Response(JSON.stringify(baseUser), { status: 200 })) as unknown as typeof fetch;
      await expect(loadProfile('42')).resolves.toEqual(baseUser);
      expect(validation.takeViolations()).toEqual([]);
    });
  });
});
