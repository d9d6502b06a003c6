import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, covered, diagnose, FULL_PROFILE } from '../helpers/service';

describe('validation of a profile', () => {
	it('accepts a profile that sets every policy correctly', () => {
		assert.deepEqual(diagnose(FULL_PROFILE), []);
	});

	it('reports an expiry of 120 at the value, with the allowed range', () => {
		const text = FULL_PROFILE.replace('RA_Solicit_ExpireValue_Edt: 4', 'RA_Solicit_ExpireValue_Edt: 120');
		const [d] = diagnose(text);
		assert.equal(d.code, 'decimal-range');
		assert.equal(covered(text, d), '120');
		assert.match(d.message, /1 to 99/);
	});

	it('reports a wrongly cased policy name with the right spelling', () => {
		const text = FULL_PROFILE.replace('  SessionLogging:', '  sessionLogging:');
		assert.deepEqual(codes(text), ['unknown-policy']);
		assert.match(diagnose(text)[0].message, /write SessionLogging/);
	});
});
