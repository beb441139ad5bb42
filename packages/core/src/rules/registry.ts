import { isDiffRule, type AnyDiffRule } from './diff-rule';
import type { Rule } from './rule';
import { bodyChangeFlaggedByOpenapiDiff } from './body-change-flagged-by-openapi-diff';
import { consumerUnknownOperation } from './consumer-unknown-operation';
import { consumerUnknownResponseProperty } from './consumer-unknown-response-property';
import { consumerVersionUnsupported } from './consumer-version-unsupported';
import { deprecatedWithoutSunset } from './deprecated-without-sunset';
import { endpointRemoved } from './endpoint-removed';
import { endpointRemovedBeforeSunset } from './endpoint-removed-before-sunset';
import { majorVersionNotBumped } from './major-version-not-bumped';
import { pathParameterShapeChanged } from './path-parameter-shape-changed';
import { propertyStabilityLevelInvalid } from './property-stability-level-invalid';
import { requestBodyBecameRequired } from './request-body-became-required';
import { requestBodyMediaTypeRemoved } from './request-body-media-type-removed';
import { requestBodyRemoved } from './request-body-removed';
import { requestBodySchemaAdded } from './request-body-schema-added';
import { requestCompositionChanged } from './request-composition-changed';
import { requestParameterAddedRequired } from './request-parameter-added-required';
import { requestParameterBecameRequired } from './request-parameter-became-required';
import { requestParameterConstraintTightened } from './request-parameter-constraint-tightened';
import { requestParameterDefaultChanged } from './request-parameter-default-changed';
import { requestParameterEnumNarrowed } from './request-parameter-enum-narrowed';
import { requestParameterMoved } from './request-parameter-moved';
import { requestParameterRemoved } from './request-parameter-removed';
import { requestParameterTypeChanged } from './request-parameter-type-changed';
import { requestPropertyAddedRequired } from './request-property-added-required';
import { requestPropertyAdditionalPropertiesDisallowed } from './request-property-additional-properties-disallowed';
import { requestPropertyBecameNotNullable } from './request-property-became-not-nullable';
import { requestPropertyBecameRequired } from './request-property-became-required';
import { requestPropertyConstraintTightened } from './request-property-constraint-tightened';
import { requestPropertyEnumNarrowed } from './request-property-enum-narrowed';
import { requestPropertyKeywordChanged } from './request-property-keyword-changed';
import { requestPropertyRemoved } from './request-property-removed';
import { requestPropertyTypeChanged } from './request-property-type-changed';
import { responseBodySchemaRemoved } from './response-body-schema-removed';
import { responseCompositionChanged } from './response-composition-changed';
import { responseHeaderRemoved } from './response-header-removed';
import { responseMediaTypeRemoved } from './response-media-type-removed';
import { responseNonSuccessStatusRemoved } from './response-non-success-status-removed';
import { responseOptionalHeaderRemoved } from './response-optional-header-removed';
import { responsePropertyBecameNullable } from './response-property-became-nullable';
import { responsePropertyBecameOptional } from './response-property-became-optional';
import { responsePropertyConstraintLoosened } from './response-property-constraint-loosened';
import { responsePropertyEnumWidened } from './response-property-enum-widened';
import { responsePropertyKeywordChanged } from './response-property-keyword-changed';
import { responsePropertyRemoved } from './response-property-removed';
import { responsePropertyTypeChanged } from './response-property-type-changed';
import { responseStatusRemoved } from './response-status-removed';
import { securityRequirementAdded } from './security-requirement-added';
import { securityScopesChanged } from './security-scopes-changed';
import { stabilityDecreased } from './stability-decreased';
import { stabilityLevelInvalid } from './stability-level-invalid';
import { sunsetInvalid } from './sunset-invalid';
import { sunsetMovedEarlier } from './sunset-moved-earlier';
import { sunsetRemoved } from './sunset-removed';
import { webhookRemoved } from './webhook-removed';

/** Every rule, sorted by id. Adding a rule: `<id>.ts` here, `<id>.spec.ts` beside it, and `docs/rules/<id>.md`. Ids are public: never rename one. */
export const RULES: readonly Rule<never>[] = [
  bodyChangeFlaggedByOpenapiDiff,
  consumerUnknownOperation,
  consumerUnknownResponseProperty,
  consumerVersionUnsupported,
  deprecatedWithoutSunset,
  endpointRemoved,
  endpointRemovedBeforeSunset,
  majorVersionNotBumped,
  pathParameterShapeChanged,
  propertyStabilityLevelInvalid,
  requestBodyBecameRequired,
  requestBodyMediaTypeRemoved,
  requestBodyRemoved,
  requestBodySchemaAdded,
  requestCompositionChanged,
  requestParameterAddedRequired,
  requestParameterBecameRequired,
  requestParameterConstraintTightened,
  requestParameterDefaultChanged,
  requestParameterEnumNarrowed,
  requestParameterMoved,
  requestParameterRemoved,
  requestParameterTypeChanged,
  requestPropertyAddedRequired,
  requestPropertyAdditionalPropertiesDisallowed,
  requestPropertyBecameNotNullable,
  requestPropertyBecameRequired,
  requestPropertyConstraintTightened,
  requestPropertyEnumNarrowed,
  requestPropertyKeywordChanged,
  requestPropertyRemoved,
  requestPropertyTypeChanged,
  responseBodySchemaRemoved,
  responseCompositionChanged,
  responseHeaderRemoved,
  responseMediaTypeRemoved,
  responseNonSuccessStatusRemoved,
  responseOptionalHeaderRemoved,
  responsePropertyBecameNullable,
  responsePropertyBecameOptional,
  responsePropertyConstraintLoosened,
  responsePropertyEnumWidened,
  responsePropertyKeywordChanged,
  responsePropertyRemoved,
  responsePropertyTypeChanged,
  responseStatusRemoved,
  securityRequirementAdded,
  securityScopesChanged,
  stabilityDecreased,
  stabilityLevelInvalid,
  sunsetInvalid,
  sunsetMovedEarlier,
  sunsetRemoved,
  webhookRemoved,
] as readonly Rule<never>[];

/** The rules that compare two versions of a spec (those with a `detect`), run by `diffSpecs`; sorted by id like RULES. */
export const DIFF_RULES: readonly AnyDiffRule[] = RULES.filter(isDiffRule);
