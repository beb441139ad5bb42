/** Public API of @contract-graph/jest (work in progress). */
export {};
