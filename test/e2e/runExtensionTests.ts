import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Installs the packaged .vsix into a fresh extensions folder with code-server, as a user would,
 * and returns the installed extension's folder.
 */
function installVsix(vsix: string): string {
	const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapolicy-exts-'));
	const env = { ...process.env, PATH: `${process.env.CODE_SERVER_NODE}:${process.env.PATH}` };
	execFileSync(process.env.CODE_SERVER_BIN as string, ['--config', '/dev/null', '--user-data-dir', path.join(extensionsDir, '.ud'), '--extensions-dir', extensionsDir, '--install-extension', vsix], { env, stdio: 'inherit' });
	const installed = fs.readdirSync(extensionsDir).find((name) => name.startsWith('rapolicy.rapolicy-'));
	if (!installed) {
		throw new Error(`${vsix} did not install into ${extensionsDir}`);
	}
	return path.join(extensionsDir, installed);
}

/**
 * Runs the extension-host suites with @vscode/test-electron. The executable is the code-server
 * shim, because no desktop VS Code can be installed here; the suites themselves are the same.
 * With `--vsix <file>` they run against the installed package instead of the source folder.
 * Prints a JSON summary line that scripts/test-all.mjs reads.
 */
async function main(): Promise<void> {
	const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapolicy-e2e-')), 'results.json');
	const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rapolicy-ws-'));
	fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
	const vsixIndex = process.argv.indexOf('--vsix');
	let exitCode = 0;
	let installedAt: string | undefined;
	try {
		installedAt = vsixIndex > 0 ? installVsix(path.resolve(process.argv[vsixIndex + 1])) : undefined;
		const extensionDevelopmentPath = installedAt ?? ROOT;
		console.log(`extension under test: ${extensionDevelopmentPath}`);
		await runTests({
			vscodeExecutablePath: path.join(ROOT, 'test/e2e/vscode-shim.mjs'),
			extensionDevelopmentPath,
			extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
			launchArgs: [workspace],
			extensionTestsEnv: { RAPOLICY_E2E_RESULTS: resultsFile, RAPOLICY_E2E_WORKSPACE: workspace },
		});
	} catch (error) {
		console.error(`extension-host tests failed: ${String(error)}`);
		exitCode = 1;
	}
	const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { passed: number; failed: number } : { passed: 0, failed: 1 };
	if (exitCode !== 0 && results.failed === 0) {
		results.failed = 1;
	}
	console.log(`RAPOLICY_E2E_SUMMARY ${JSON.stringify(results)}`);
	fs.rmSync(workspace, { recursive: true, force: true });
	if (installedAt) {
		fs.rmSync(path.dirname(installedAt), { recursive: true, force: true });
	}
	process.exitCode = exitCode;
}

void main();
