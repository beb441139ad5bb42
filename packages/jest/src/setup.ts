/**
 * The one-line setup: `setupFilesAfterEnv: ['@contract-graph/jest/setup']`. Options can be given
 * in the jest config as `globals: { contractGraph: { ... } }`, or by calling
 * `installContractValidation(options)` from a setup file of your own.
 */
import { installContractValidation, type ContractValidationOptions } from './install';

const options = (globalThis as { contractGraph?: ContractValidationOptions }).contractGraph ?? {};
installContractValidation(options, typeof jest === 'undefined' ? undefined : jest);
