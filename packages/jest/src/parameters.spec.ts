import * as path from 'node:path';
import axios from 'axios';
import { ContractSet } from './contracts';
import { ValidationContext } from './hooks/context';
import { installAxiosHook } from './hooks/axios';
import { installFetchHook } from './hooks/fetch';
import { formatViolation, validateExchange, type Exchange } from './exchange';
import { headerRecord, pathParameterValues } from './parameters';

const fixtures = path.resolve(__dirname, '__fixtures__');
const contracts = new ContractSet(fixtures, () => ['parameters-api.yaml', 'parameters-swagger.yaml']);
const TENANT = '0b7c6a53-54d2-4b8e-9a0c-3f4c1e1f2a9d';
const validHeaders = { 'x-tenant-id': TENANT, authorization: 'Bearer t' };

/** What the hooks report for one GET: the formatted violations. */
function check(url: string, headers: Record<string, string> | undefined = validHeaders): string[] {
  const exchange: Exchange = { client: 'fetch', method: 'GET', url, headers, response: { status: 200, body: undefined } };
  return validateExchange(contracts, exchange).map(formatViolation);
}

describe('path parameters', () => {
  it('passes values of the declared type, the integer arriving as text', () => {
    expect(check('/api/orders/42/items/first')).toEqual([]);
  });

  it('fails a path segment that is not of the declared type, pointing at the spec and saying what came', () => {
    expect(check('/api/orders/abc/items/first')).toEqual([
      "GET /api/orders/{orderId}/items/{position} request does not match the contract:\n  path parameter 'orderId' must be integer, got \"abc\" — parameters-api.yaml:13:9 (#/paths/~1orders~1{orderId}~1items~1{position}/parameters/0/schema)",
    ]);
  });

  it('applies the rest of the schema: minimum, enum (path-item and operation parameters alike)', () => {
    const [message] = check('/api/orders/0/items/middle');
    expect(message).toContain("path parameter 'orderId' must be >= 1, got \"0\"");
    expect(message).toContain(`path parameter 'position' must be one of "first", "last", got "middle"`);
  });

  it('decodes percent-encoded segments before checking them', () => {
    expect(check('/api/orders/42/items/fir%73t')).toEqual([]);
    expect(check('/api/orders/4%202/items/first')[0]).toContain(`path parameter 'orderId' must be integer, got "4 2"`);
  });

  it('reads values by the template, whatever comes before the server base path', () => {
    expect(pathParameterValues('/api/orders/{orderId}/items/{position}', '/gateway/api/orders/7/items/last')).toEqual({ orderId: '7', position: 'last' });
    expect(pathParameterValues('/api/orders/{orderId}', '/api/users/7')).toBeUndefined();
  });
});

describe('header parameters', () => {
  it('fails a request without a required header, and says which', () => {
    const [message] = check('/api/orders/42/items/first', { authorization: 'Bearer t' });
    expect(message).toContain("required header parameter 'X-Tenant-Id' is missing — parameters-api.yaml:25:11");
  });

  it('checks header values against their schema, names case-insensitively', () => {
    const [message] = check('/api/orders/42/items/first', { 'x-tenant-id': 'tenant-1', 'x-page-size': 'many', authorization: 'Bearer t' });
    expect(message).toContain(`header parameter 'X-Tenant-Id' must be a 'uuid' string, got "tenant-1"`);
    expect(message).toContain(`header parameter 'X-Page-Size' must be integer, got "many"`);
    expect(check('/api/orders/42/items/first', { ...validHeaders, 'x-page-size': '50' })).toEqual([]);
    expect(check('/api/orders/42/items/first', { ...validHeaders, 'x-page-size': '500' })[0]).toContain(`header parameter 'X-Page-Size' must be <= 100, got "500"`);
  });

  it('ignores Authorization, Accept and Content-Type, which OpenAPI describes elsewhere', () => {
    expect(check('/api/orders/42/items/first', { 'x-tenant-id': TENANT })).toEqual([]);
  });

  it('does not check headers when the client does not show them', () => {
    expect(check('/api/orders/42/items/first', undefined)).toEqual([]);
  });

  it('reads Headers, axios header objects, pair lists and records alike', () => {
    const expected = { 'x-tenant-id': TENANT };
    expect(headerRecord(new Headers({ 'X-Tenant-Id': TENANT }))).toEqual(expected);
    expect(headerRecord({ toJSON: () => ({ 'X-Tenant-Id': TENANT, common: { Accept: 'x' } }) })).toEqual(expected);
    expect(headerRecord([['X-Tenant-Id', TENANT]])).toEqual(expected);
    expect(headerRecord({ 'X-Tenant-Id': TENANT, 'X-Unset': undefined })).toEqual(expected);
  });
});

describe('query parameters', () => {
  it('checks typed values and each item of an array given as repeated keys', () => {
    expect(check('/api/orders/42/items/first?verbose=true&expand=product&expand=price')).toEqual([]);
    const [message] = check('/api/orders/42/items/first?verbose=yes&expand=product&expand=stock');
    expect(message).toContain(`query parameter 'verbose' must be boolean, got "yes"`);
    expect(message).toContain(`query parameter 'expand'/1 must be one of "product", "price", got "stock"`);
  });
});

describe('serializations it does not read', () => {
  it('leaves deepObject and pipeDelimited values alone rather than misreading them', () => {
    expect(check('/api/orders/42/items/first?filter[status]=open&ids=1|2')).toEqual([]);
  });
});

describe('Swagger 2.0 parameters (type on the parameter, csv arrays)', () => {
  it('checks path and comma-separated query values', () => {
    expect(check('/legacy/orders/42?ids=1,2')).toEqual([]);
    const [message] = check('/legacy/orders/x?ids=1,two');
    expect(message).toContain(`path parameter 'orderId' must be integer, got "x"`);
    expect(message).toContain(`query parameter 'ids'/1 must be integer, got "two"`);
  });
});

describe('parameters as the hooks see them', () => {
  const context = new ValidationContext(() => contracts, fixtures, __filename, () => expect.getState().currentTestName);
  const reported = () => context.take().map(formatViolation).join('\n');

  it('fetch: headers from init or from a Request', async () => {
    const target: Record<string, any> = { fetch: async () => Response.json({}) };
    const hook = installFetchHook(target, context, undefined);
    await target.fetch('http://shop.test/api/orders/abc/items/first', { headers: { 'X-Tenant-Id': TENANT } });
    await target.fetch(new Request('http://shop.test/api/orders/42/items/first', { headers: { 'X-Page-Size': 'all' } }));
    hook.uninstall();
    const messages = reported();
    expect(messages).toContain(`path parameter 'orderId' must be integer, got "abc"`);
    expect(messages).toContain(`header parameter 'X-Page-Size' must be integer, got "all"`);
    expect(messages).toContain(`required header parameter 'X-Tenant-Id' is missing`);
    expect(messages.match(/X-Tenant-Id/g)).toHaveLength(1);
  });

  it('axios: the headers of the request config, defaults merged in', async () => {
    const instance = axios.create({ baseURL: 'http://shop.test', headers: { 'X-Tenant-Id': TENANT }, adapter: async (config) => ({ data: {}, status: 200, statusText: '', headers: {}, config }) });
    const uninstall = installAxiosHook(instance, context);
    await instance.get('/api/orders/42/items/first', { headers: { 'X-Page-Size': '1000' } });
    await instance.get('/api/orders/42/items/first');
    uninstall();
    // One violation: the second request takes X-Tenant-Id from the instance's defaults.
    expect(reported()).toMatch(
      /^GET \/api\/orders\/\{orderId\}\/items\/\{position\} request does not match the contract:\n {2}header parameter 'X-Page-Size' must be <= 100, got "1000" — parameters-api.yaml:33:11 \(#\/paths\/~1orders~1\{orderId\}~1items~1\{position\}\/get\/parameters\/2\/schema\)\n {2}called from packages\/jest\/src\/parameters.spec.ts:\d+:\d+ \(axios\)$/,
    );
  });
});
