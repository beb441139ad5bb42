import { consumerUnknownOperation } from './consumer-unknown-operation';
import { consumerUnknownResponseProperty } from './consumer-unknown-response-property';
import { endpointRemoved } from './endpoint-removed';
import { responsePropertyRemoved } from './response-property-removed';
import { responsePropertyTypeChanged } from './response-property-type-changed';
import type { Rule } from './rule';

/** Every rule, sorted by id. Adding a rule: a file here, a spec test, and `docs/rules/<id>.md`. */
export const RULES: readonly Rule<never>[] = [
  consumerUnknownOperation,
  consumerUnknownResponseProperty,
  endpointRemoved,
  responsePropertyRemoved,
  responsePropertyTypeChanged,
] as readonly Rule<never>[];

export { consumerUnknownOperation, consumerUnknownResponseProperty, endpointRemoved, responsePropertyRemoved, responsePropertyTypeChanged };
