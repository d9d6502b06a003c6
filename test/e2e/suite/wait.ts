import * as assert from 'node:assert/strict';

/** Polls until `read` gives a value that satisfies `ok`, for state that has no change event. */
export async function eventually<T>(read: () => T, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = read();
		if (ok(value)) {
			return value;
		}
		if (Date.now() > deadline) {
			assert.fail(`timed out waiting for ${what}`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
}
