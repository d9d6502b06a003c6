// UI tests of the packaged extension in a real VS Code: code-server with the .vsix installed,
// driven by Playwright in Debian's Chromium. One server and one browser serve every test; waits
// are on elements, never fixed sleeps. Screenshots of each feature, light and dark, go to docs/.
// Usage: node test/ui/uiTests.mjs <vsix> [screenshot dir]   (needs CODE_SERVER_BIN, CODE_SERVER_NODE)
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { freePort } from '../e2e/freePort.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const [vsixArg, shotsArg] = process.argv.slice(2);
const vsix = path.resolve(vsixArg ?? '');
const shots = path.resolve(shotsArg ?? path.join(root, 'docs'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapolicy-ui-'));
const results = [];
const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' };

const env = {
	...process.env,
	PATH: `${process.env.CODE_SERVER_NODE}:${process.env.PATH}`,
	XDG_CONFIG_HOME: path.join(tmp, 'cfg'),
	XDG_DATA_HOME: path.join(tmp, 'data'),
	XDG_RUNTIME_DIR: path.join(tmp, 'run'),
	TMPDIR: path.join(tmp, 'run'),
	EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/g', itemUrl: 'http://127.0.0.1:9/i' }),
};
fs.mkdirSync(env.XDG_RUNTIME_DIR, { mode: 0o700 });
const dirs = ['--config', '/dev/null', '--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', path.join(tmp, 'exts')];
const settingsFile = path.join(tmp, 'ud', 'User', 'settings.json');

function writeSettings(theme) {
	fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
	fs.writeFileSync(settingsFile, JSON.stringify({
		'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
		'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'chat.disableAIFeatures': true, 'git.enabled': false,
		'workbench.reduceMotion': 'on', 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.colorTheme': THEMES[theme],
		'editor.minimap.enabled': false, 'window.commandCenter': false, 'workbench.tips.enabled': false, 'editor.hover.delay': 100,
		'files.autoSave': 'off', 'workbench.editor.enablePreview': false, 'update.mode': 'none',
	}, null, 2));
}

const workspace = path.join(tmp, 'workspace');
fs.mkdirSync(workspace);
for (const [from, to] of [
	['examples/helpdesk-offer-help.rapolicy.yaml', 'helpdesk.rapolicy.yaml'],
	['examples/helpdesk-offer-help.syncml', 'helpdesk.syncml'],
	['examples/fleet.rapolicy.yaml', 'fleet.rapolicy.yaml'],
	['test/fixtures/workspace/broken.rapolicy.yaml', 'broken.rapolicy.yaml'],
	['test/fixtures/workspace/broken.syncml', 'broken.syncml'],
	['test/fixtures/workspace/completion.rapolicy.yaml', 'completion.rapolicy.yaml'],
	['test/fixtures/workspace/empty.rapolicy.yaml', 'empty.rapolicy.yaml'],
	['test/fixtures/workspace/indent.rapolicy.yaml', 'indent.rapolicy.yaml'],
]) {
	fs.copyFileSync(path.join(root, from), path.join(workspace, to));
}
const pristine = Object.fromEntries(fs.readdirSync(workspace).map((f) => [f, fs.readFileSync(path.join(workspace, f), 'utf8')]));

execFileSync(process.env.CODE_SERVER_BIN, [...dirs, '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });
writeSettings('dark');
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.env.CODE_SERVER_BIN, [...dirs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'], { env, detached: true, stdio: 'ignore' });
const stopServer = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } };
process.on('exit', () => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } });

let browser;
let page;

async function test(name, run) {
	const started = Date.now();
	try {
		await reset();
		await run();
		results.push({ name, ok: true });
		console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
	} catch (error) {
		results.push({ name, ok: false });
		console.log(`  ✖ ${name} (${Date.now() - started} ms)\n    ${String(error?.message ?? error).split('\n').slice(0, 8).join('\n    ')}`);
		await page?.screenshot({ path: path.join(tmp, `failure-${results.length}.png`) }).catch(() => {});
		await page?.keyboard.press('Escape').catch(() => {});
	}
}

async function loadWorkbench() {
	await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
	await page.waitForSelector('.monaco-workbench');
	await page.waitForSelector('.explorer-folders-view .monaco-list-row');
}

async function command(title, timeout = 20_000) {
	await page.keyboard.press('Control+Shift+P');
	await page.fill('.quick-input-widget input', `>${title}`);
	try {
		await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout });
	} catch (error) {
		await page.keyboard.press('Escape');
		throw error;
	}
	await page.keyboard.press('Enter');
}

/**
 * Chooses a quick fix at the cursor. The widget opens with what the server has answered so far, so
 * one asked for right after the cursor moved can come up empty: then it is asked for again.
 */
async function quickFix(title) {
	const row = page.locator('.action-widget .monaco-list-row', { hasText: title });
	for (let attempt = 1; ; attempt++) {
		await command('Quick Fix...');
		try {
			await row.waitFor({ timeout: 5_000 });
			break;
		} catch (error) {
			await page.keyboard.press('Escape');
			if (attempt === 3) {
				throw error;
			}
		}
	}
	await row.click();
}

async function openFile(name) {
	// The Explorer row names exactly one file, unlike Quick Open's list, which filters as it is typed.
	await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
	await page.locator('.tab.active', { hasText: name }).first().waitFor();
	await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

const RAW = '<enabled/><data id="RA_Unsolicit_Control_List" value="1"/><data id="RA_Unsolicit_DACL_Edit" value="CORP\\RA-Helpdesk&#xF000;CORP\\RA-Helpdesk&#xF000;CORP\\RA-Tier2&#xF000;CORP\\RA-Tier2"/>';

function suggestion(label) {
	return page.locator('.suggest-widget.visible .monaco-list-row', { hasText: label });
}

async function clearClipboard() {
	await page.evaluate(() => navigator.clipboard.writeText(''));
}

async function clipboardIs(expected) {
	await page.waitForFunction(async (text) => (await navigator.clipboard.readText()) === text, expected, { polling: 100, timeout: 10_000 });
}

/** The page inside the payload preview's webview. */
function previewFrame() {
	return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

const CHANNELS = ['settings-catalog', 'fleet', 'lgpo', 'powershell', 'registry-pol'];

/** Unfolds each further channel's section of the preview by clicking its summary, as a user would. */
async function unfoldChannels(frame) {
	const sections = frame.locator('details[data-channel]');
	await sections.first().waitFor();
	assert.deepEqual(await sections.evaluateAll((all) => all.map((d) => d.dataset.channel)), CHANNELS);
	for (const id of CHANNELS) {
		await frame.locator(`details[data-channel="${id}"] > summary`).click();
		await frame.locator(`details[data-channel="${id}"][open]`).waitFor();
	}
}

/** The span of `text` on the first editor line that shows it. */
function token(text) {
	return page.locator('.editor-instance .view-line span span', { hasText: text }).first();
}

/** Back to a calm workbench: no widget open, every editor closed, the files as they were. */
async function reset() {
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	if (await page.locator('.tab.dirty').count() > 0) {
		await command('File: Revert File', 3000).catch(() => {});
	}
	await command('View: Close All Editor Groups');
	// A file a failed test left unsaved asks before it closes: its changes are not wanted.
	const dontSave = page.locator('.monaco-dialog-box button', { hasText: "Don't Save" });
	if (await dontSave.isVisible().catch(() => false)) {
		await dontSave.click();
	}
	await page.locator('.editor-instance').first().waitFor({ state: 'detached' }).catch(() => {});
}

/**
 * Hovers `text` until a hover containing `expected` shows. CodeLenses arrive after the text and
 * push lines down, which can move a hover target from under the mouse; so the hover is retried.
 */
async function hoverOn(text, expected) {
	for (let attempt = 1; ; attempt++) {
		await page.mouse.move(0, 0);
		await token(text).hover();
		try {
			await page.locator('.monaco-hover', { hasText: expected }).waitFor({ timeout: 4000 });
			return;
		} catch (error) {
			if (attempt === 4) {
				throw error;
			}
		}
	}
}

/** A screenshot of the union of the parts named, so a step image shows what it is about and can be read. */
async function shoot(file, ...selectors) {
	const boxes = await Promise.all(selectors.map((selector) => page.locator(selector).first().boundingBox()));
	const x = Math.min(...boxes.map((b) => b.x));
	const y = Math.min(...boxes.map((b) => b.y));
	const clip = { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
	await page.screenshot({ path: path.join(shots, file), clip });
}

/**
 * Runs in the preview page: the WCAG contrast ratio of every element that holds text of its own,
 * against the nearest background colour behind it.
 */
function contrastRatios(body) {
	const rgb = (colour) => (colour.match(/[\d.]+/g) ?? []).map(Number);
	const luminance = ([r, g, b]) => [r, g, b].map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
	const backgroundOf = (element) => {
		for (let e = element; e; e = e.parentElement) {
			const [r, g, b, a = 1] = rgb(getComputedStyle(e).backgroundColor);
			if (a > 0.5) return [r, g, b];
		}
		return rgb(getComputedStyle(document.documentElement).backgroundColor);
	};
	const results = [];
	for (const element of body.querySelectorAll('*')) {
		const own = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join(' ').trim();
		if (!own || element.closest('script, style') || element.getClientRects().length === 0) continue;
		const [l1, l2] = [luminance(rgb(getComputedStyle(element).color)), luminance(backgroundOf(element))].sort((a, b) => b - a);
		results.push({ text: own.slice(0, 40), ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100 });
	}
	return results;
}

async function showProblems() {
	await page.keyboard.press('Control+Shift+M');
	await page.locator('.markers-panel').waitFor();
}

function problemRow(code) {
	return page.locator('.markers-panel .monaco-list-row', { hasText: code });
}

async function restoreFiles() {
	for (const [name, text] of Object.entries(pristine)) {
		fs.writeFileSync(path.join(workspace, name), text);
	}
}

try {
	for (let i = 0; ; i++) {
		try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* starting */ }
		if (i > 300) throw new Error('code-server did not start');
		await new Promise((r) => setTimeout(r, 100));
	}
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
	page = await context.newPage();
	page.setDefaultTimeout(20_000);
	await loadWorkbench();

	console.log('UI tests (dark theme)');
	await test('the expected problems appear in the Problems panel for a profile and a SyncML file', async () => {
		await openFile('broken.rapolicy.yaml');
		await showProblems();
		await problemRow('decimal-range').waitFor();
		await problemRow('unknown-policy').waitFor();
		await openFile('broken.syncml');
		await problemRow('raw-payload').waitFor();
	});

	await test('hovering a policy name shows its docs', async () => {
		await openFile('helpdesk.rapolicy.yaml');
		await hoverOn('UnsolicitedRemoteAssistance', 'Configure Offer Remote Assistance');
		await page.locator('.monaco-hover', { hasText: 'fAllowUnsolicited' }).waitFor();
	});

	await test('typing RA_ under options: opens the option ids without Ctrl+Space, and no words from the file', async () => {
		await openFile('completion.rapolicy.yaml');
		await token('options').click();
		await page.keyboard.press('End');
		await page.keyboard.press('Enter');
		await page.keyboard.type('RA_', { delay: 60 });
		await suggestion('RA_Solicit_ExpireValue_Edt').waitFor();
		await suggestion('RA_Solicit_Mailto_List').waitFor();
		// Word-based suggestions are off: the file's own words (its profile name) never show.
		assert.equal(await suggestion('Completion').count(), 0);
	});

	await test('typing rapolicy- in an empty policy file offers the starting profiles without Ctrl+Space', async () => {
		await openFile('empty.rapolicy.yaml');
		await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
		await page.keyboard.type('rapolicy-', { delay: 60 });
		await suggestion('rapolicy-helpdesk-offers-help').waitFor();
		await suggestion('rapolicy-locked-down').waitFor();
	});

	await test('a quick fix applies and its problem goes away', async () => {
		await openFile('broken.rapolicy.yaml');
		await token('Sessionlogging').click();
		await quickFix('Change to SessionLogging');
		await token('SessionLogging').waitFor();
		await showProblems();
		await problemRow('unknown-policy').waitFor({ state: 'detached' });
	});

	await test('an option outdented beside options: is one problem that says so, and its fix moves it', async () => {
		await openFile('indent.rapolicy.yaml');
		await showProblems();
		await page.locator('.markers-panel .monaco-list-row', { hasText: 'Indent RA_Unsolicit_DACL_Edit under options' }).waitFor();
		const badge = page.locator('.markers-panel .monaco-list-row', { hasText: 'indent.rapolicy.yaml' }).locator('.monaco-count-badge');
		assert.equal((await badge.textContent())?.trim(), '1', 'one problem in the file, no consequences');
		await token('RA_Unsolicit_DACL_Edit').click();
		await quickFix('Move RA_Unsolicit_DACL_Edit under options');
		await problemRow('misplaced-key').waitFor({ state: 'detached' });
		await page.locator('.editor-instance .view-line', { hasText: /^\s{6}RA_Unsolicit_DACL_Edit:/ }).waitFor();
	});

	await test('the preview button opens the preview with the right payload, and copy works', async () => {
		await openFile('helpdesk.rapolicy.yaml');
		await page.locator('.editor-actions [aria-label*="Preview OMA-URI Payload"]').first().click();
		const frame = previewFrame();
		await frame.locator('h3', { hasText: 'UnsolicitedRemoteAssistance' }).waitFor();
		await frame.locator('pre', { hasText: RAW }).first().waitFor();
		await clearClipboard();
		await frame.locator('button.copy[title="Copy raw value of UnsolicitedRemoteAssistance"]').click();
		await clipboardIs(RAW);
		await frame.locator('button.copy[title="Copy OMA-URI of SessionLogging"]').click();
		await clipboardIs('./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging');
	});

	await test('the preview unfolds a section per further channel, and the LGPO section copies LGPO text', async () => {
		// The same encoder serves the command line, so its output is the text the section must copy.
		const lgpo = execFileSync(process.execPath, [path.join(root, 'bin/rapolicy.js'), 'encode', '--to', 'lgpo', path.join(workspace, 'helpdesk.rapolicy.yaml')], { encoding: 'utf8' });
		assert.match(lgpo, /^; .*LGPO\.exe \/t\n[\s\S]*\nComputer\nSoftware\\policies\\Microsoft\\Windows NT\\Terminal Services\nfAllowUnsolicited\nDWORD:1\n/);
		await openFile('helpdesk.rapolicy.yaml');
		await command('Remote Assistance: Preview OMA-URI Payload');
		const frame = previewFrame();
		await unfoldChannels(frame);
		await frame.locator('details[data-channel="registry-pol"] button.export', { hasText: 'Save Registry.pol' }).waitFor();
		await clearClipboard();
		await frame.locator('details[data-channel="lgpo"] button.copy').click();
		// The confirmation shows for a few seconds only: look for it first, then read the clipboard.
		await page.locator('.statusbar', { hasText: 'Copied the Group Policy: LGPO.exe text' }).waitFor();
		await clipboardIs(lgpo);
	});

	await test('the preview keeps the sections a user unfolded when it follows an edit', async () => {
		await openFile('helpdesk.rapolicy.yaml');
		await command('Remote Assistance: Preview OMA-URI Payload');
		const frame = previewFrame();
		await unfoldChannels(frame);
		await token('remote-control').click();
		await page.keyboard.press('End');
		for (let i = 0; i < 'remote-control'.length; i++) {
			await page.keyboard.press('Backspace');
		}
		await page.keyboard.type('view-only');
		await frame.locator('pre', { hasText: 'RA_Unsolicit_Control_List" value="0"' }).first().waitFor();
		for (const id of CHANNELS) {
			await frame.locator(`details[data-channel="${id}"][open]`).waitFor({ timeout: 2000 });
		}
	});

	await test('Save in a profile\'s Registry.pol section saves that profile, without asking which', async () => {
		await openFile('fleet.rapolicy.yaml');
		await command('Remote Assistance: Preview OMA-URI Payload');
		const section = previewFrame().locator('details[data-channel="registry-pol"]').nth(1);
		await section.locator('summary').click();
		await section.locator('button.export').click();
		const name = 'fleet-Branch-office-desktops.pol';
		// The save dialog proposes the file named after the profile whose section holds the button.
		await page.waitForFunction((file) => document.querySelector('.quick-input-widget input')?.value.endsWith(`/${file}`), name);
		await page.keyboard.press('Enter');
		await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).waitFor();
		const saved = path.join(workspace, name);
		const bytes = fs.readFileSync(saved);
		fs.rmSync(saved);
		assert.equal(bytes.subarray(0, 8).toString('hex'), '5052656701000000', 'PReg, version 1');
		assert.ok(bytes.includes(Buffer.from('CORP\\Branch Support', 'utf16le')), 'a helper of Branch office desktops');
	});

	await test('the context menu copies the raw payload of the policy at the cursor, for Intune', async () => {
		await openFile('helpdesk.rapolicy.yaml');
		await clearClipboard();
		await token('RA_Unsolicit_DACL_Edit').click({ button: 'right' });
		// A menu ignores a click that comes too soon after it opens; the item hovered takes Enter at once.
		await page.locator('.context-view .action-item', { hasText: 'Copy Payload (raw, for Intune)' }).hover();
		await page.locator('.context-view .action-item.focused', { hasText: 'Copy Payload (raw, for Intune)' }).waitFor();
		await page.keyboard.press('Enter');
		// The confirmation shows for a few seconds only: look for it first, then read the clipboard.
		await page.locator('.statusbar', { hasText: 'Copied the raw value of UnsolicitedRemoteAssistance' }).waitFor();
		await clipboardIs(RAW);
	});

	await test('the Copy OMA-URI lens copies the OMA-URI of its policy', async () => {
		await openFile('helpdesk.rapolicy.yaml');
		await clearClipboard();
		await page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Copy OMA-URI' }).first().click();
		await page.locator('.statusbar', { hasText: 'Copied the OMA-URI of UnsolicitedRemoteAssistance' }).waitFor();
		await clipboardIs('./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/UnsolicitedRemoteAssistance');
	});

	await test('Copy OMA-URI from the palette, with the cursor outside any policy, asks which policy', async () => {
		await openFile('helpdesk.rapolicy.yaml');
		await token('profile').click();
		await clearClipboard();
		await command('Remote Assistance: Copy OMA-URI');
		await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'SessionLogging' }).first().click();
		await clipboardIs('./Device/Vendor/MSFT/Policy/Config/RemoteAssistance/SessionLogging');
	});

	await test('a new profile from a template saves under a name made from the profile', async () => {
		await command('Remote Assistance: New Remote Assistance Policy');
		await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Helpdesk offers Remote Assistance' }).first().click();
		const name = 'helpdesk-offers-remote-assistance.rapolicy.yaml';
		await page.locator('.tab.active', { hasText: name }).waitFor();
		await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).waitFor();
		// The helper group is selected: typing replaces it, and saving keeps the name.
		await token('CONTOSO').waitFor();
		await page.keyboard.type('FABRIKAM\\Helpdesk-RA');
		await page.keyboard.press('Control+S');
		await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
		const saved = path.join(workspace, name);
		const text = fs.readFileSync(saved, 'utf8');
		fs.rmSync(saved);
		assert.match(text, /- FABRIKAM\\Helpdesk-RA\n/);
	});

	await test('an error line in the preview opens its place in the file', async () => {
		await openFile('broken.rapolicy.yaml');
		await command('Remote Assistance: Preview OMA-URI Payload');
		const frame = previewFrame();
		await frame.locator('a.goto', { hasText: 'line 10:' }).click();
		await page.locator('.statusbar-item', { hasText: 'Ln 10, Col 3' }).waitFor();
	});

	await test('a broken edit shows a new problem within a second, and fixing it clears it', async () => {
		await openFile('helpdesk.rapolicy.yaml');
		await showProblems();
		await token('remote-control').dblclick();
		await page.keyboard.type('remote-contrl');
		await problemRow('enum-value').waitFor({ timeout: 1000 });
		await page.keyboard.press('Control+Z');
		await problemRow('enum-value').waitFor({ state: 'detached', timeout: 1000 });
	});

	for (const theme of ['dark', 'light']) {
		await restoreFiles();
		writeSettings(theme);
		await loadWorkbench();
		await page.locator(`.monaco-workbench.${theme === 'dark' ? 'vs-dark' : 'vs'}`).waitFor();
		console.log(`Screenshots (${theme} theme)`);
		await test(`screenshot: diagnostics (${theme})`, async () => {
			await openFile('broken.rapolicy.yaml');
			await showProblems();
			await problemRow('decimal-range').waitFor();
			await hoverOn('120', 'RA_Solicit_ExpireValue_Edt must be');
			await shoot(`screenshot-diagnostics-${theme}.png`, '.part.editor', '.part.panel');
		});
		await test(`screenshot: hover (${theme})`, async () => {
			await openFile('helpdesk.rapolicy.yaml');
			await hoverOn('UnsolicitedRemoteAssistance', 'fAllowUnsolicited');
			await shoot(`screenshot-hover-${theme}.png`, '.part.editor');
		});
		await test(`screenshot: completion (${theme})`, async () => {
			await openFile('completion.rapolicy.yaml');
			await token('options').click();
			await page.keyboard.press('End');
			await page.keyboard.press('Enter');
			await page.keyboard.press('Control+Space');
			await suggestion('RA_Solicit_Control_List').waitFor();
			await shoot(`screenshot-completion-${theme}.png`, '.part.editor');
		});
		await test(`screenshot: preview, its text readable at 4.5:1 or more (${theme})`, async () => {
			await openFile('helpdesk.rapolicy.yaml');
			await command('Remote Assistance: Preview OMA-URI Payload');
			const frame = previewFrame();
			await frame.locator('h3', { hasText: 'UnsolicitedRemoteAssistance' }).waitFor();
			const ratios = await frame.locator('body').evaluate(contrastRatios);
			const low = ratios.filter((r) => r.ratio < 4.5);
			assert.deepEqual(low, [], `text below 4.5:1: ${JSON.stringify(low)}`);
			assert.ok(ratios.some((r) => r.text === 'disabled'), 'the disabled state was measured');
			await shoot(`screenshot-preview-${theme}.png`, '.part.editor');
		});
		await test(`screenshot: preview channel sections unfolded, their text readable at 4.5:1 or more (${theme})`, async () => {
			await openFile('helpdesk.rapolicy.yaml');
			await command('Remote Assistance: Preview OMA-URI Payload');
			const frame = previewFrame();
			await unfoldChannels(frame);
			const ratios = await frame.locator('body').evaluate(contrastRatios);
			const low = ratios.filter((r) => r.ratio < 4.5);
			assert.deepEqual(low, [], `text below 4.5:1: ${JSON.stringify(low)}`);
			assert.ok(ratios.some((r) => r.text.startsWith('On a device where ControlPolicyConflict')), 'the Group Policy note was measured');
			assert.ok(ratios.some((r) => r.text === 'Save Registry.pol…'), 'the Save button was measured');
			await frame.locator('details[data-channel="lgpo"]').evaluate((section) => section.scrollIntoView({ block: 'start' }));
			await shoot(`screenshot-preview-channels-${theme}.png`, '.part.editor');
		});
	}
} catch (error) {
	results.push({ name: 'UI test setup', ok: false });
	console.log(`  ✖ UI test setup: ${error?.stack ?? error}`);
} finally {
	await browser?.close().catch(() => {});
	stopServer();
	if (results.some((r) => !r.ok)) {
		console.log(`failure screenshots kept in ${tmp}`);
	} else {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}
const passed = results.filter((r) => r.ok).length;
console.log(`RAPOLICY_UI_SUMMARY ${JSON.stringify({ passed, failed: results.length - passed })}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
