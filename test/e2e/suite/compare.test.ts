import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileDifference } from '../../../server/src/common/protocol';

const WORKSPACE = process.env.RAPOLICY_E2E_WORKSPACE as string;
const uriOf = (name: string) => vscode.Uri.file(path.join(WORKSPACE, name));

describe('Compare Policies…', () => {
	it('a profile against its own Registry.pol is no difference; against an edited copy, the changed options', async () => {
		const profile = uriOf('helpdesk.rapolicy.yaml');
		const pol = uriOf('compare.pol');
		const edited = uriOf('compare-edited.rapolicy.yaml');
		await vscode.commands.executeCommand('rapolicy.exportChannel', profile, pol, 'registry-pol');
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(profile));
		await vscode.workspace.fs.writeFile(edited, new TextEncoder().encode(text.replace('remote-control', 'view-only').replace('CORP\\RA-Tier2', 'CORP\\RA-Tier3')));
		try {
			const same = await vscode.commands.executeCommand<FileDifference | undefined>('rapolicy.comparePolicies', profile, pol);
			assert.deepEqual(same?.policies, []);
			const changed = await vscode.commands.executeCommand<FileDifference | undefined>('rapolicy.comparePolicies', pol, edited);
			assert.deepEqual(changed?.policies.map((p) => [p.change, p.key, p.options]), [
				['changed', 'UnsolicitedRemoteAssistance', [
					{ id: 'RA_Unsolicit_Control_List', before: 'remote-control', after: 'view-only' },
					{ id: 'RA_Unsolicit_DACL_Edit', added: ['CORP\\RA-Tier3'], removed: ['CORP\\RA-Tier2'] },
				]],
			]);
			assert.equal(changed?.policies[0].before?.place.binary, true, 'the Registry.pol side is placed at its record');
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
			await vscode.workspace.fs.delete(pol);
			await vscode.workspace.fs.delete(edited);
		}
	});
});
