// The test command: builds, then runs every layer and prints one "N passed, N failed" line.
//   unit + lsp:      node's test runner on the compiled tests (the pure service; the server over stdio)
//   extension host:  the same suites @vscode/test-electron runs, inside a real VS Code (code-server)
//   UI:              the packaged .vsix in code-server, driven by Playwright in Chromium
// --skip-extension-host leaves the last two layers out and says so, as does a machine that lacks
// Chromium when we are not root to install it; each layer left out counts as one skipped.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const skipExtensionHost = process.argv.includes('--skip-extension-host');
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title, command, args, options = {}) {
	console.log(`\n=== ${title}`);
	const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
	process.stdout.write(result.stdout ?? '');
	process.stderr.write(result.stderr ?? '');
	return result;
}

function testFiles(dir) {
	const found = [];
	const walk = (d) => {
		for (const name of readdirSync(d)) {
			const full = path.join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith('.test.js')) found.push(full);
		}
	};
	walk(dir);
	return found.sort();
}

const build = step('build: tsc and esbuild', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.']);
const bundle = build.status === 0 ? step('bundle', process.execPath, ['esbuild.mjs']) : build;
if (build.status !== 0 || bundle.status !== 0) {
	console.log('\nbuild failed');
	console.log('0 passed, 1 failed');
	process.exit(1);
}

const files = [...testFiles(path.join(root, 'out/test/unit')), ...testFiles(path.join(root, 'out/test/lsp'))];
// Each file runs in a process of its own, one per core: Node's default of one fewer would run a
// single file at a time on two cores, while the runner itself only reads the files' reports.
const concurrency = os.availableParallelism();
const node = step(`unit and LSP tests (${files.length} files, ${concurrency} at a time)`, process.execPath, ['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files]);
const count = (name) => Number(new RegExp(`^ℹ ${name} (\\d+)$`, 'm').exec(node.stdout)?.[1] ?? 0);
totals.passed += count('pass');
totals.failed += count('fail') + count('cancelled');
totals.skipped += count('skipped') + count('todo');
if (node.status !== 0 && count('fail') + count('cancelled') === 0) {
	totals.failed += 1;
}

if (skipExtensionHost) {
	console.log('\n=== extension-host and UI tests skipped (--skip-extension-host)');
	totals.skipped += 2;
} else {
	let env;
	const setup = spawnSync('bash', [path.join(root, 'scripts/setup-vscode-e2e.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (setup.status === 0) {
		env = { ...process.env };
		for (const m of setup.stdout.matchAll(/^export (\w+)=(.*)$/gm)) env[m[1]] = m[2];
	} else if (setup.status === 3) {
		// Not root, so the Debian packages cannot be installed here; the other layers still count.
		console.log(`\n=== extension-host and UI tests skipped: ${setup.stdout.trim()}`);
		totals.skipped += 2;
	} else {
		console.log(`\nextension-host setup failed (scripts/setup-vscode-e2e.sh exited with ${setup.status ?? setup.signal})`);
		totals.failed += 1;
	}
	const vsix = path.join(root, 'out', 'rapolicy-test.vsix');
	const packaged = env && step('package the .vsix', process.execPath, [path.join(root, 'scripts/package.mjs'), vsix]);
	if (packaged && packaged.status !== 0) {
		totals.failed += 1;
	} else if (env) {
		// The suites run against the packaged extension, installed as a user would install it.
		const host = step('extension-host tests (code-server, installed .vsix)', process.execPath, [path.join(root, 'out/test/e2e/runExtensionTests.js'), '--vsix', vsix], { env, timeout: 15 * 60 * 1000 });
		const summary = /^RAPOLICY_E2E_SUMMARY (.*)$/m.exec(host.stdout ?? '');
		const results = summary ? JSON.parse(summary[1]) : { passed: 0, failed: 1 };
		totals.passed += results.passed;
		totals.failed += results.failed || (host.status === 0 ? 0 : 1);

		// The same package, driven through the workbench UI; screenshots go to out/, not docs/.
		const ui = step('UI tests (code-server + Chromium, installed .vsix)', process.execPath, [path.join(root, 'test/ui/uiTests.mjs'), vsix, path.join(root, 'out', 'screenshots')], { env, timeout: 15 * 60 * 1000 });
		const uiSummary = /^RAPOLICY_UI_SUMMARY (.*)$/m.exec(ui.stdout ?? '');
		const uiResults = uiSummary ? JSON.parse(uiSummary[1]) : { passed: 0, failed: 1 };
		totals.passed += uiResults.passed;
		totals.failed += uiResults.failed || (ui.status === 0 ? 0 : 1);
	}
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
