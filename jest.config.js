/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  // examples/offline-test/stack.test.ts is the documented offline stack test: it runs in npm test too.
  roots: ["<rootDir>/tests", "<rootDir>/examples"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 60_000,
  // Engine-level suites each spawn a provider host; two workers fit the 2-core machine.
  maxWorkers: 2,
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tests/tsconfig.json" }] },
};
