import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditorDocument } from '../../server/src/editorDocument';

const piece = fc.oneof(
	fc.constantFrom('\n', '\r\n', '\r', 'a', 'é', '\uf000', '😀', '<Item>', '  ', ''),
	fc.string({ maxLength: 6 }),
);

/** Everything the server asks of a document, compared with the library's. */
function same(ours: TextDocument, theirs: TextDocument): void {
	const text = theirs.getText();
	assert.equal(ours.getText(), text);
	assert.equal(ours.lineCount, theirs.lineCount);
	for (let offset = -1; offset <= text.length + 1; offset++) {
		assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `positionAt(${offset})`);
	}
	for (let line = -1; line <= theirs.lineCount; line++) {
		for (const character of [-1, 0, 1, 2, 5, 1000]) {
			assert.equal(ours.offsetAt({ line, character }), theirs.offsetAt({ line, character }), `offsetAt(${line}:${character})`);
		}
		assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `getLineRange(${line})`);
		assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `getEOLCharacters(${line})`);
	}
}

describe('The server\'s document copy', () => {
	it('answers like the library after any sequence of edits (property)', () => {
		const edit = fc.record({ a: fc.nat(), b: fc.nat(), text: piece, whole: fc.boolean() });
		fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), fc.array(edit, { maxLength: 8 }), (parts, edits) => {
			const start = parts.join('');
			let theirs = TextDocument.create('file:///a', 'syncml', 1, start);
			const ours = EditorDocument.create('file:///a', 'syncml', 1, start);
			ours.positionAt(0);
			edits.forEach((e, i) => {
				const length = theirs.getText().length;
				const change = e.whole && i % 3 === 2
					? { text: e.text }
					: { range: { start: theirs.positionAt(e.a % (length + 1)), end: theirs.positionAt(e.b % (length + 1)) }, text: e.text };
				theirs = TextDocument.update(theirs, [change], i + 2);
				EditorDocument.update(ours, [change], i + 2);
				assert.equal(ours.version, i + 2);
				same(ours, theirs);
			});
		}), { seed: 0x5eed, numRuns: 300 });
	});

	it('keeps a large text right across many edits, and a snapshot keeps its version\'s text', () => {
		const line = '<Replace><CmdID>1</CmdID></Replace>\n';
		const start = line.repeat(4000);
		let theirs = TextDocument.create('file:///a', 'syncml', 1, start);
		const ours = EditorDocument.create('file:///a', 'syncml', 1, start);
		const edits = Array.from({ length: 150 }, (_, i) => ['x', '\n', '\uf000', 'y', '\r\n', ''][i % 6]);
		const snapshots: { read: () => string; text: string }[] = [];
		edits.forEach((text, i) => {
			const at = theirs.positionAt(70_000 + i * 13);
			const change = { range: { start: at, end: { line: at.line, character: at.character + (i % 2) } }, text };
			theirs = TextDocument.update(theirs, [change], i + 2);
			EditorDocument.update(ours, [change], i + 2);
			assert.equal(ours.getText(), theirs.getText());
			assert.equal(ours.lineCount, theirs.lineCount);
			assert.deepEqual(ours.positionAt(100_000), theirs.positionAt(100_000));
			if (i % 40 === 0) {
				snapshots.push({ read: ours.snapshot().read, text: theirs.getText() });
			}
		});
		for (const snapshot of snapshots) {
			assert.equal(snapshot.read(), snapshot.text);
		}
	});
});
