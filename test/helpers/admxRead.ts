import * as assert from 'node:assert/strict';
import type { AdmxReadError, AdmxSource } from '../../server/src/service';

/** The file that was read, failing the test with the reason when it was not. */
export function source(read: AdmxSource | AdmxReadError): AdmxSource {
	assert.ok(!('error' in read), 'error' in read ? read.error : '');
	return read;
}

/** Why the file was not read, failing the test when it was. */
export function error(read: AdmxSource | AdmxReadError): string {
	assert.ok('error' in read, 'an error');
	return read.error;
}
