import { defineRule } from './rule';

export interface BodyChangeFlaggedArgs {
  operation: string;
  /** `request body` or `200 response body` */
  body: string;
  /** `application/json` */
  mediaType: string;
  /** `accepts fewer values` (request) or `can return values it could not before` (response). */
  change: string;
}

/**
 * Reported from openapi-diff's second opinion, not from a detector of ours: a body change it calls
 * breaking for which no rule of ours reported a breaking change in the same operation and direction.
 */
export const bodyChangeFlaggedByOpenapiDiff = defineRule<BodyChangeFlaggedArgs>({
  id: 'body-change-flagged-by-openapi-diff',
  severity: 'error',
  direction: 'operation',
  summary: 'openapi-diff calls a change of a request or response body breaking, and no other rule explains it.',
  message: ({ operation, body, mediaType, change }) => `${operation}: the ${body} (${mediaType}) ${change}, says openapi-diff; no rule of contract-graph names the field`,
  hint: ({ operation, body }) =>
    `Compare the ${body} of ${operation} in both versions: a type, a constraint or a composition changed in a way callers can notice. If the change is intended, bump the major version and move callers first; if openapi-diff is wrong, allow-list this finding with a reason (and tell us: a rule of our own should have named the field).`,
});
