/** Public API of @contract-graph/jest: contract validation inside consumer tests. */
export { installContractValidation, contractError, type ContractValidation, type ContractValidationOptions } from './install';
export { createToMatchContract, type ToMatchContractOptions } from './matcher';
export { toMatchContract } from './standalone-matcher';
export { ContractSet, type BodyCheck, type ContractProblem, type ContractSetOptions, type ContractSpec, type OperationMatch } from './contracts';
export { validateExchange, formatViolation, type ContractViolation, type Exchange } from './exchange';
export { toJsonSchema, type ConvertOptions, type ConvertedSchema, type Direction } from './to-json-schema';
export { discoverSpecFiles, findWorkspaceRoot, specGlobsOf, DEFAULT_SPEC_GLOBS } from './discover-specs';
