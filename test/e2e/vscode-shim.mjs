#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron starts. No desktop VS Code can
// be installed here, so the same extension tests run in code-server's VS Code server (a real
// remote extension host) with headless Chromium as the workbench. The exit code is the test
// runner's. Environment: CODE_SERVER_BIN, CODE_SERVER_NODE (a Node 24 bin folder), CHROMIUM,
// VSCODE_SHIM_TIMEOUT_MS.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { freePort } from './freePort.mjs';

function parseArgs(argv) {
	const parsed = { developmentPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folders: [] };
	for (const arg of argv) {
		const option = /^--([^=]+)(?:=(.*))?$/.exec(arg);
		if (!option) {
			parsed.folders.push(arg);
			continue;
		}
		const [, name, value] = option;
		if (name === 'extensionDevelopmentPath') parsed.developmentPaths.push(path.resolve(value));
		else if (name === 'extensionTestsPath') parsed.testsPath = path.resolve(value);
		else if (name === 'user-data-dir') parsed.userDataDir = path.resolve(value);
		else if (name === 'extensions-dir') parsed.extensionsDir = path.resolve(value);
		// Desktop-only switches (--no-sandbox, --disable-updates, ...) mean nothing to code-server.
	}
	return parsed;
}

async function waitForHealth(base, logFile) {
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`code-server did not start; see ${logFile}`);
}

const args = parseArgs(process.argv.slice(2));
if (!args.testsPath || args.developmentPaths.length === 0) {
	console.error('vscode-shim: --extensionTestsPath and --extensionDevelopmentPath are required');
	process.exit(2);
}
const codeServer = process.env.CODE_SERVER_BIN;
const nodeBin = process.env.CODE_SERVER_NODE;
if (!codeServer || !nodeBin) {
	console.error('vscode-shim: set CODE_SERVER_BIN and CODE_SERVER_NODE (scripts/setup-vscode-e2e.sh prints them)');
	process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapolicy-shim-'));
const userDataDir = args.userDataDir ?? path.join(tmp, 'user-data');
const extensionsDir = args.extensionsDir ?? path.join(tmp, 'extensions');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
const settingsFile = path.join(userDataDir, 'User', 'settings.json');
if (!fs.existsSync(settingsFile)) {
	fs.writeFileSync(settingsFile, JSON.stringify({
		'workbench.startupEditor': 'none',
		'security.workspace.trust.enabled': false,
		'telemetry.telemetryLevel': 'off',
		'extensions.autoCheckUpdates': false,
		'extensions.autoUpdate': false,
		'update.mode': 'none',
		'chat.disableAIFeatures': true,
		'git.enabled': false,
	}, null, 2));
}
const folder = args.folders.find((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
const port = await freePort();
const runtimeDir = path.join(tmp, 'runtime');
fs.mkdirSync(runtimeDir, { mode: 0o700 });
const logFile = path.join(tmp, 'code-server.log');
const server = spawn(codeServer, [
	'--config', '/dev/null', '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
	'--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
	'--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
	// A built workbench reads extensionDevelopmentPath/extensionTestsPath from ?payload= only with this on.
	'--vscode-option', 'enable-smoke-test-driver',
], {
	detached: true,
	stdio: ['ignore', 'pipe', 'pipe'],
	env: {
		...process.env,
		PATH: `${nodeBin}:${process.env.PATH}`,
		XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
		XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
		XDG_RUNTIME_DIR: runtimeDir,
		TMPDIR: runtimeDir,
		// Keep the gallery on a dead loopback port: the tests must not reach any network.
		EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
	},
});
const log = fs.createWriteStream(logFile);
server.stdout.pipe(log);
server.stderr.pipe(log);
const killGroup = (signal) => {
	try {
		process.kill(-server.pid, signal);
	} catch {
		// already gone
	}
};
process.on('exit', () => killGroup('SIGKILL'));

let exitCode = 1;
let browser;
try {
	const base = `http://127.0.0.1:${port}`;
	await waitForHealth(base, logFile);
	const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
	const payload = [...args.developmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(args.testsPath)]];
	const url = `${base}/?${folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true'}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
	browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const page = browser.pages()[0] ?? await browser.newPage();
	let finish;
	const finished = new Promise((resolve) => { finish = resolve; });
	await page.exposeFunction('codeAutomationLog', (type, values) => {
		const line = util.format(...values);
		if (/127\.0\.0\.1:9|^Canceled/.test(line)) return;
		(type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
	});
	await page.exposeFunction('codeAutomationExit', (code) => finish(code));
	await page.goto(url);
	const timer = setTimeout(() => finish('timeout'), Number(process.env.VSCODE_SHIM_TIMEOUT_MS ?? 600_000));
	const result = await finished;
	clearTimeout(timer);
	if (result === 'timeout') console.error('vscode-shim: timed out waiting for the extension tests');
	exitCode = typeof result === 'number' ? result : 1;
} catch (error) {
	console.error(`vscode-shim: ${error?.stack ?? error}`);
} finally {
	await browser?.close().catch(() => {});
	killGroup('SIGTERM');
	await new Promise((resolve) => {
		const timer = setTimeout(resolve, 5000);
		server.once('exit', () => { clearTimeout(timer); resolve(); });
	});
	if (!process.env.VSCODE_SHIM_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
