import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

// Runs first (files run in name order), while nothing has activated the extension yet.
describe('activation', () => {
	it('activates on demand and reports how long it took', async () => {
		const extension = vscode.extensions.getExtension('rapolicy.rapolicy');
		assert.ok(extension, 'installed');
		assert.equal(extension.isActive, false, 'nothing activates the extension before a policy file or command needs it');
		const started = performance.now();
		await extension.activate();
		const elapsed = performance.now() - started;
		assert.equal(extension.isActive, true);
		console.log(`    activation took ${elapsed.toFixed(1)} ms (loading the bundle and activate())`);
	});
});
