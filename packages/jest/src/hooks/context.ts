import { captureCallSite, type CallSite } from '../call-site';
import type { ContractSet } from '../contracts';
import { validateExchange, type ContractViolation, type Exchange } from '../exchange';

/** What every hook needs: the contracts, where to report, and how to find the call site. */
export class ValidationContext {
  private readonly collected: ContractViolation[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly contracts: ContractSet,
    readonly testPath: string | undefined,
    private readonly currentTestName: () => string | undefined,
  ) {}

  callSite(): CallSite {
    return captureCallSite(this.contracts.workspaceRoot, this.testPath);
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

  /** Keeps violations once each: several hooks may see the same exchange (msw handler and fetch). */
  record(violations: ContractViolation[]): void {
    const testName = this.currentTestName();
    for (const violation of violations) {
      const key = `${testName}\u0000${violation.summary}\u0000${violation.problems.map((problem) => problem.message).join('\u0000')}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.collected.push({ ...violation, testName });
    }
  }

  /** Hands over what was collected so far and starts afresh. */
  take(): ContractViolation[] {
    const taken = this.collected.splice(0);
    this.seen.clear();
    return taken;
  }
}
