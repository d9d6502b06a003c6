import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closest } from '../../server/src/service/text/suggest';

describe('the closest name', () => {
	it('suggests a name written with a typo, a case or a dash apart', () => {
		assert.equal(closest('SesionLogging', ['SessionLogging', 'UnsolicitedRemoteAssistance']), 'SessionLogging');
		assert.equal(closest('session-logging', ['SessionLogging']), 'SessionLogging');
		assert.equal(closest('remote', ['remote-control', 'view-only']), 'remote-control');
	});

	it('does not compare names no identifier is as long as, which would cost the product of their lengths', () => {
		const long = 'A'.repeat(100_000);
		assert.equal(closest(`${long}B`, [`${long}C`]), undefined);
		assert.equal(closest(`${long}B`, [`${long}b`]), `${long}b`, 'the same name in another case is still found');
	});
});
