import { api, diffDocuments, obj, post, ruleIds } from '../diff/diff-test-kit';

const orderPayload = (properties: Record<string, unknown>) => post(obj(properties));
const withWebhooks = (webhooks: Record<string, unknown>) => api({}, { openapi: '3.1.0', webhooks });

describe('webhook-removed', () => {
  it('reports a webhook removed, and names it', () => {
    const base = withWebhooks({ orderCreated: { post: orderPayload({ id: { type: 'string' } }) }, orderDeleted: { post: orderPayload({ id: { type: 'string' } }) } });
    const head = withWebhooks({ orderCreated: { post: orderPayload({ id: { type: 'string' } }) } });
    expect(ruleIds(base, head)).toEqual(['webhook-removed']);
    expect(diffDocuments(base, head).map((change) => change.message)).toEqual(['POST webhook orderDeleted was removed: subscribers no longer receive it']);
  });

  it('stays quiet on a deprecated webhook removed and on a webhook added', () => {
    const deprecated = withWebhooks({ orderDeleted: { post: { ...orderPayload({}), deprecated: true } } });
    expect(ruleIds(deprecated, withWebhooks({}))).toEqual([]);
    expect(ruleIds(withWebhooks({}), deprecated)).toEqual([]);
  });

  it('compares a payload as subscribers receive it: a field removed breaks them, a field added or the body becoming required does not', () => {
    const hook = (properties: Record<string, unknown>, required = false) => withWebhooks({ orderCreated: { post: post(obj(properties), {}, required) } });
    expect(ruleIds(hook({ id: { type: 'string' }, total: { type: 'number' } }), hook({ id: { type: 'string' } }))).toEqual(['response-property-removed']);
    expect(ruleIds(hook({ id: { type: 'string' } }), hook({ id: { type: 'string' }, total: { type: 'number' } }, true))).toEqual([]);
  });
});
