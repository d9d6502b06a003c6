import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { DEFAULT_SETTINGS, getCodeActions, getDiagnostics, getDocumentSymbols, getHover, parsePolicyDocument } from '../../server/src/service';

const ROOT = path.resolve(__dirname, '../../..');
const FLEET = fs.readFileSync(path.join(ROOT, 'examples/fleet.rapolicy.yaml'), 'utf8');
const BASE = [FLEET, FLEET.replace('RA_Solicit_ExpireValue_Edt: 30', 'RA_Solicit_ExpireValue_Edt: 300'), FLEET].join('---\n');

describe('reparsing only the documents an edit touched', () => {
	it('gives exactly what a fresh parse gives, after any sequence of edits', () => {
		const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom('', 'x', '9', '\n', '---\n', ':', ' ', '  state: enabled\n', '\n---\nprofile: P\npolicies: {}\n'));
		fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
			let text = BASE;
			let previous = parsePolicyDocument('file:///f.rapolicy.yaml', 0, text);
			edits.forEach(([at, remove, insert], version) => {
				const start = at % (text.length + 1);
				text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + remove));
				const incremental = parsePolicyDocument('file:///f.rapolicy.yaml', version + 1, text, previous);
				const fresh = parsePolicyDocument('file:///f.rapolicy.yaml', version + 1, text);
				assert.deepEqual(getDiagnostics(incremental, DEFAULT_SETTINGS), getDiagnostics(fresh, DEFAULT_SETTINGS));
				assert.deepEqual(getDocumentSymbols(incremental), getDocumentSymbols(fresh));
				const diagnostics = getDiagnostics(fresh, DEFAULT_SETTINGS);
				assert.deepEqual(getCodeActions(incremental, diagnostics, DEFAULT_SETTINGS), getCodeActions(fresh, diagnostics, DEFAULT_SETTINGS));
				const probe = Math.floor(text.length * 0.7);
				assert.deepEqual(getHover(incremental, probe), getHover(fresh, probe));
				previous = incremental;
			});
		}), { seed: 11, numRuns: 80 });
	});

	it('reuses the documents an edit did not touch', () => {
		const first = parsePolicyDocument('file:///f.rapolicy.yaml', 0, BASE);
		const edited = BASE.replace('RA_Solicit_ExpireValue_Edt: 300', 'RA_Solicit_ExpireValue_Edt: 31');
		const second = parsePolicyDocument('file:///f.rapolicy.yaml', 1, edited, first);
		assert.equal(second.chunks.length, first.chunks.length);
		const before = new Set(first.chunks.map((c) => c.result));
		const parsedAgain = second.chunks.filter((c) => !before.has(c.result));
		assert.equal(parsedAgain.length, 1, 'only the edited document is parsed again');
		assert.match(parsedAgain[0].result.text, /RA_Solicit_ExpireValue_Edt: 31/);
		assert.deepEqual(getDiagnostics(second, DEFAULT_SETTINGS), []);
	});
});
