import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentAdmx, loadAdml, loadAdmx } from '../../server/src/service/admx/admxCache';
import { TextCache } from '../../server/src/service/admx/textCache';
import { minimalAdml, minimalAdmx } from '../helpers/admxText';

describe('ADMX parse cache', () => {
	it('keeps the 40 ADMX and ADML files of one profile: read again, each gives the very model it gave', () => {
		const texts = Array.from({ length: 40 }, (_, i) => ({ admx: minimalAdmx(`Cached${i}`), adml: minimalAdml(`Cached${i}`) }));
		const first = texts.map((t) => ({ admx: loadAdmx(t.admx), adml: loadAdml(t.adml) }));
		texts.forEach((t, i) => {
			assert.equal(loadAdmx(t.admx), first[i].admx, `ADMX ${i}`);
			assert.equal(loadAdml(t.adml), first[i].adml, `ADML ${i}`);
		});
		// The same content in a text of its own is the same file.
		assert.equal(loadAdmx(`${texts[7].admx} `.slice(0, -1)), first[7].admx);
	});

	it('an open document\'s text is read for its version alone, unless a file of that content is kept', () => {
		const edited = minimalAdmx('BeingEdited');
		assert.notEqual(documentAdmx(edited), documentAdmx(edited));
		const kept = loadAdmx(edited);
		assert.equal(documentAdmx(edited), kept);
	});

	it('bounds the characters it keeps: the least recently used text goes first, and a text over the budget is not kept', () => {
		const cache = new TextCache<{ text: string }>(10);
		const use = (text: string) => cache.use(text, () => ({ text }));
		const a = use('aaaa');
		use('bbbb');
		assert.equal(cache.get('aaaa'), a);
		use('cc');
		assert.deepEqual(['aaaa', 'bbbb', 'cc'].map((t) => cache.get(t)?.text), ['aaaa', 'bbbb', 'cc']);
		// Eleven characters: the least recently used goes, aaaa, asked for just before bbbb and cc.
		use('d');
		assert.deepEqual(['aaaa', 'bbbb', 'cc', 'd'].map((t) => cache.get(t)?.text), [undefined, 'bbbb', 'cc', 'd']);
		const large = 'x'.repeat(11);
		assert.notEqual(use(large), use(large));
		assert.deepEqual(['bbbb', 'cc', 'd'].map((t) => cache.get(t)?.text), ['bbbb', 'cc', 'd']);
	});
});
