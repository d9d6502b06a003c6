import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

// Runs first (files run in name order), before any test opens a document.
describe('activation', () => {
	it('activates only for the languages it may serve, and reports how long activation took', async () => {
		const extension = vscode.extensions.getExtension('rapolicy.rapolicy');
		assert.ok(extension, 'installed');
		// Policy files and commands activate it implicitly; XML and JSON only so that SyncML and
		// Intune exports among them are found. Nothing activates it at startup on its own.
		const events = (extension.packageJSON as { activationEvents: string[] }).activationEvents;
		assert.deepEqual(events.filter((e) => !/^onLanguage:(?:xml|json|jsonc)$/.test(e)), []);
		if (extension.isActive) {
			// The workbench of a fresh profile may open a JSON document of its own before the tests run.
			console.log('    already active: the workbench opened an XML or JSON document first');
			return;
		}
		const started = performance.now();
		await extension.activate();
		const elapsed = performance.now() - started;
		assert.equal(extension.isActive, true);
		console.log(`    activation took ${elapsed.toFixed(1)} ms (loading the bundle and activate())`);
	});
});
