import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderComparison } from '../../client/src/compareHtml';
import { diffPolicies, parsePolicyDocument, readSource } from '../../server/src/service';

const HOSTILE = '</code><script>alert(1)</script><img src=x onerror="alert(2)">\'"&';

function settingsOf(name: string, helper: string) {
	const text = `profile: P\npolicies:\n  UnsolicitedRemoteAssistance:\n    state: enabled\n    options:\n      RA_Unsolicit_Control_List: remote-control\n      RA_Unsolicit_DACL_Edit:\n        - ${JSON.stringify(helper)}\n`;
	const uri = `file:///${name}.rapolicy.yaml`;
	return readSource({ uri, content: text, parsed: parsePolicyDocument(uri, 1, text) }, {})?.settings ?? [];
}

describe('Compare Policies page', () => {
	it('shows the helpers added and removed, escapes what the files and their names hold, and runs no script', () => {
		const html = renderComparison({ before: `a${HOSTILE}`, after: 'b', policies: diffPolicies(settingsOf('a', 'CORP\\RA-Helpdesk'), settingsOf('b', `CORP\\${HOSTILE}`)) }, 'nonce', 'vscode-resource:');
		assert.doesNotMatch(html, /<script|<img/);
		assert.match(html, /script-src|default-src 'none'/);
		assert.doesNotMatch(html, /script-src/);
		assert.match(html, /<li class="added">\+ <code>CORP\\&#60;\/code&#62;&#60;script&#62;/);
		assert.match(html, /<li class="removed">− <code>CORP\\RA-Helpdesk<\/code><\/li>/);
	});

	it('says when both files set the same', () => {
		assert.match(renderComparison({ before: 'a', after: 'b', policies: [] }, 'n', 'c'), /Both set the same policies/);
	});
});
