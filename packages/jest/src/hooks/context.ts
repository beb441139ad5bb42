import { captureCallSite, type CallSite } from '../call-site';
import type { ContractSet } from '../contracts';
import { validateExchange, type ContractViolation, type Exchange } from '../exchange';

/** What every hook needs: the contracts, where to report, and how to find the call site. */
export class ValidationContext {
  private readonly collected: ContractViolation[] = [];
  /** Collected violations by test, summary and problems: the same one seen by another hook is not repeated. */
  private readonly seen = new Map<string, ContractViolation>();

  constructor(
    private readonly loadContracts: () => ContractSet,
    readonly workspaceRoot: string,
    readonly testPath: string | undefined,
    private readonly currentTestName: () => string | undefined,
  ) {}

  /** The specs and their validators, loaded on first use: a test file that sends no request does not load them. */
  get contracts(): ContractSet {
    return this.loadContracts();
  }

  callSite(): CallSite {
    return captureCallSite(this.workspaceRoot, this.testPath);
  }

  /** Validates an exchange and keeps its violations for the running test; never throws. */
  check(exchange: Exchange): ContractViolation[] {
    let violations: ContractViolation[];
    try {
      violations = validateExchange(this.contracts, exchange);
    } catch (error) {
      violations = [{ operation: `${exchange.method} ${exchange.url}`, summary: `contract validation failed: ${(error as Error).message}`, problems: [] }];
    }
    this.record(violations);
    return violations;
  }

  /**
   * Keeps violations once each: several hooks may see the same exchange (the msw handler that
   * mocked it and the fetch or axios call that sent it). The second one adds its call site, so
   * that the message shows both where the mock is and where the request was made.
   */
  record(violations: ContractViolation[]): void {
    const testName = this.currentTestName();
    for (const violation of violations) {
      const key = `${testName}\u0000${violation.summary}\u0000${violation.problems.map((problem) => problem.message).join('\u0000')}`;
      const earlier = this.seen.get(key);
      if (earlier) {
        earlier.where = mergeWheres(earlier.where, violation.where);
        continue;
      }
      const kept = { ...violation, testName };
      this.seen.set(key, kept);
      this.collected.push(kept);
    }
  }

  /** Hands over what was collected so far and starts afresh. */
  take(): ContractViolation[] {
    const taken = this.collected.splice(0);
    this.seen.clear();
    return taken;
  }
}

/** Both call sites, once each; sorted, so `called from` (the request) comes before `mocked by` (the handler). */
function mergeWheres(earlier: string | undefined, later: string | undefined): string | undefined {
  const lines = new Set([...(earlier?.split('\n  ') ?? []), ...(later ? [later] : [])]);
  return lines.size === 0 ? undefined : [...lines].sort().join('\n  ');
}
