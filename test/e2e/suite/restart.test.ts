import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually } from './wait';

const WORKSPACE = process.env.RAPOLICY_E2E_WORKSPACE as string;

/** Pids of this extension host's language server processes. */
function serverPids(): number[] {
	const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
	return out.split('\n').map((line) => line.trim().split(/\s+/)).filter((cols) => Number(cols[1]) === process.pid && cols.slice(2).join(' ').includes('serverMain.js')).map((cols) => Number(cols[0]));
}

describe('a language server that dies', () => {
	it('is started again and checks the open documents again, without losing them', async () => {
		const uri = vscode.Uri.file(path.join(WORKSPACE, 'broken.rapolicy.yaml'));
		const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
		await eventually(() => vscode.languages.getDiagnostics(uri), (d) => d.length > 0, 'diagnostics before the crash', 20_000);
		const [before] = await eventually(serverPids, (p) => p.length === 1, 'one server process', 20_000);
		process.kill(before, 'SIGKILL');
		const [after] = await eventually(serverPids, (p) => p.length === 1 && p[0] !== before, 'a new server process', 20_000);
		assert.notEqual(after, before);
		// The restarted server has the document: a new mistake is found there.
		const line = editor.document.getText().split('\n').findIndex((l) => l.includes('RA_Solicit_Control_List'));
		const column = editor.document.lineAt(line).text.indexOf('view-only');
		await editor.edit((b) => b.replace(new vscode.Range(line, column, line, column + 'view-only'.length), 'view-onl'));
		await eventually(() => vscode.languages.getDiagnostics(uri), (d) => d.some((x) => x.code === 'enum-value'), 'diagnostics from the new server', 20_000);
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});
});
