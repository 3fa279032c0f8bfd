// Per-level test timeouts: Jest ignores `testTimeout` inside `projects` entries, so each level sets its own here.
// The level's budget is passed by jest.config.js through the project's `globals`.
jest.setTimeout(globalThis.GIFTFLOW_TEST_TIMEOUT_MS ?? 5_000);
