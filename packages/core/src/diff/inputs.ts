import type { LoadedSpec, SpecNode } from '../spec/load-spec';
import type { ParameterPart, RequestBodyPart, ResponsePart } from '../spec/operation-parts';
import type { Operation } from '../spec/operations';
import type { SchemaView } from './schema-view';

/** One version of an operation, as operation-scope rules see it. */
export interface OperationSide {
  spec: LoadedSpec;
  operation: Operation;
  value: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
  parameters: ParameterPart[];
}

export interface OperationInput {
  operation: string;
  base?: OperationSide;
  head?: OperationSide;
  /** For a removed operation: the head operation that looks like it under another path shape. */
  replacement?: OperationSide;
  now: Date;
}

/** A webhook (OpenAPI 3.1 `webhooks`) in both versions: a request the API sends to its subscribers. */
export interface WebhookInput {
  /** `POST webhook orderCreated` */
  operation: string;
  base?: { node: SpecNode; value: Record<string, unknown> };
  head?: { node: SpecNode; value: Record<string, unknown> };
}

export interface ParametersInput {
  operation: string;
  base: ParameterPart[];
  head: ParameterPart[];
  now: Date;
}

/** Something that can be deprecated: an operation or a parameter, in both versions. */
export interface DeprecationInput {
  operation: string;
  kind: 'operation' | 'parameter';
  name: string;
  base?: { node: SpecNode; value: Record<string, unknown> };
  head?: { node: SpecNode; value: Record<string, unknown> };
  now: Date;
}

export interface RequestBodyInput {
  operation: string;
  base?: RequestBodyPart;
  head?: RequestBodyPart;
}

export interface ResponsesInput {
  operation: string;
  base: Map<string, ResponsePart>;
  head: Map<string, ResponsePart>;
}

/** Which body or parameter a schema belongs to. */
export type SchemaSubject = 'request' | 'response' | 'parameter';

/** A pair of object schemas at the same place: their property lists are compared. */
export interface PropertiesInput {
  subject: SchemaSubject;
  operation: string;
  /** Path of the object ('' for the body itself). */
  property: string;
  status?: string;
  base: SchemaView;
  head: SchemaView;
  /** The merged view of a property schema, per side. */
  baseChild(name: string): SchemaView | undefined;
  headChild(name: string): SchemaView | undefined;
  /**
   * True when property `name` (on both sides) means the same in both versions, so every flag of
   * its view is the same too: cheaper than building both views to compare one flag.
   */
  unchanged(name: string): boolean;
}

/** A pair of schemas at the same place (a body, a property, an item, a parameter). */
export interface SchemaInput {
  subject: SchemaSubject;
  operation: string;
  /** `user.lastLogin`, `items[].title`; '' for the body itself; the parameter name for parameters. */
  property: string;
  status?: string;
  parameter?: { name: string; in: string };
  base: SchemaView;
  head: SchemaView;
  /**
   * Whether a base node and a head node mean the same once refs are followed (equivalent inline and
   * `$ref` schemas do; prose is left out): what comparing their fingerprint hashes says, without hashing.
   */
  same(baseNode: SpecNode, headNode: SpecNode): boolean;
}

export interface ScopeInputs {
  operation: OperationInput;
  webhook: WebhookInput;
  parameters: ParametersInput;
  deprecation: DeprecationInput;
  'request-body': RequestBodyInput;
  responses: ResponsesInput;
  properties: PropertiesInput;
  schema: SchemaInput;
}
