import { specProjectName } from './project-names';

describe('specProjectName', () => {
  it('names a spec folder after itself with an -api suffix', () => {
    expect(specProjectName('apis/users', ['apis/users'])).toBe('users-api');
    expect(specProjectName('services/billing-api', ['services/billing-api'])).toBe('billing-api');
    expect(specProjectName('.', ['.'])).toBe('workspace-api');
  });

  it('uses the whole path for every folder whose short name would clash', () => {
    const roots = ['apis/v1/users', 'apis/v2/users', 'apis/orders'];
    expect(roots.map((root) => specProjectName(root, roots))).toEqual(['apis-v1-users-api', 'apis-v2-users-api', 'orders-api']);
  });
});
