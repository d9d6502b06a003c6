// Takes the README screenshot: the packaged .vsix installed in code-server, a profile with a
// problem open, the hover on it and the Problems panel. Needs CODE_SERVER_BIN and CODE_SERVER_NODE
// (scripts/setup-vscode-e2e.sh prints them). Usage: node scripts/screenshot.mjs <vsix> <out.png>
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [vsix, output] = process.argv.slice(2);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapolicy-shot-'));
const env = { ...process.env, PATH: `${process.env.CODE_SERVER_NODE}:${process.env.PATH}`, XDG_CONFIG_HOME: path.join(tmp, 'cfg'), XDG_DATA_HOME: path.join(tmp, 'data'), TMPDIR: tmp,
	EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/g', itemUrl: 'http://127.0.0.1:9/i' }) };
const dirs = ['--config', '/dev/null', '--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', path.join(tmp, 'exts')];
execFileSync(process.env.CODE_SERVER_BIN, [...dirs, '--install-extension', path.resolve(vsix)], { env, stdio: 'inherit' });
fs.mkdirSync(path.join(tmp, 'ud', 'User'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'ud', 'User', 'settings.json'), JSON.stringify({
	'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
	'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'chat.disableAIFeatures': true, 'git.enabled': false,
	'workbench.reduceMotion': 'on', 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.colorTheme': 'Default Dark Modern',
	'editor.minimap.enabled': false, 'window.commandCenter': false,
}));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
fs.copyFileSync(path.join(root, 'examples/helpdesk-offer-help.rapolicy.yaml'), path.join(workspace, 'helpdesk.rapolicy.yaml'));
const text = fs.readFileSync(path.join(workspace, 'helpdesk.rapolicy.yaml'), 'utf8').replace('remote-control', 'remote-contrl');
fs.writeFileSync(path.join(workspace, 'helpdesk.rapolicy.yaml'), text);
const port = 18000 + Math.floor(Math.random() * 1000);
const server = spawn(process.env.CODE_SERVER_BIN, [...dirs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'], { env, detached: true, stdio: 'ignore' });
let browser;
try {
	for (let i = 0; ; i++) {
		try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* starting */ }
		if (i > 300) throw new Error('code-server did not start');
		await new Promise((r) => setTimeout(r, 100));
	}
	browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
	const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
	await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
	await page.waitForSelector('.monaco-workbench');
	await page.waitForSelector('.explorer-folders-view .monaco-list-row');
	await page.keyboard.press('Control+P');
	await page.fill('.quick-input-widget input', 'helpdesk.rapolicy.yaml');
	await page.waitForSelector('.quick-input-widget .monaco-list-row');
	await page.keyboard.press('Enter');
	await page.waitForSelector('.monaco-editor .view-lines');
	await page.keyboard.press('Control+Shift+M');
	await page.waitForSelector('.markers-panel .monaco-list-row:has-text("enum-value")');
	const squiggle = page.locator('.view-line span span', { hasText: 'remote-contrl' }).first();
	await squiggle.hover({ position: { x: 20, y: 6 } });
	await page.waitForSelector('.monaco-hover:has-text("Did you mean remote-control")');
	await page.waitForTimeout(300);
	await page.screenshot({ path: output });
	console.log(`wrote ${output}`);
} finally {
	await browser?.close();
	try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
	fs.rmSync(tmp, { recursive: true, force: true });
}
