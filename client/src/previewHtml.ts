import type { PolicyPreview, Preview } from '../../server/src/common/protocol';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Block {
	readonly title: string;
	readonly text: string;
}

/**
 * The preview page. Every value is escaped, nothing is loaded from outside, and the only script
 * (allowed by its nonce) sends copy requests back to the extension.
 */
export function renderPreview(preview: Preview, title: string, nonce: string, cspSource: string): string {
	const copies: string[] = [];
	const block = ({ title: label, text }: Block): string => {
		copies.push(text);
		return `<section class="block"><header><h4>${escapeHtml(label)}</h4><button class="copy" data-copy="${copies.length - 1}" title="Copy ${escapeHtml(label)}">Copy</button></header><pre><code>${escapeHtml(text)}</code></pre></section>`;
	};
	const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
	if (preview.errors.length > 0) {
		body.push(
			`<p class="errors-intro">This file has ${preview.errors.length} ${preview.errors.length === 1 ? 'error' : 'errors'}, so no payload is built from it. Fix ${preview.errors.length === 1 ? 'it' : 'them'} and the preview follows.</p>`,
			'<ul class="errors">',
			...preview.errors.map((e) => `<li><span class="where">line ${e.line + 1}:${e.character + 1}</span> <code>${escapeHtml(e.code)}</code> ${escapeHtml(e.message)}</li>`),
			'</ul>',
		);
	}
	for (const profile of preview.profiles) {
		body.push(`<h2>${escapeHtml(profile.name)}</h2>`);
		if (profile.policies.length === 0) {
			body.push('<p>This profile sets no policy.</p>');
		}
		for (const policy of profile.policies) {
			body.push(policySection(policy, block));
		}
		body.push('<h3>SyncML message</h3>', block({ title: `SyncML (${preview.encoding === 'cdata' ? 'CDATA' : 'escaped'} payloads)`, text: profile.syncml }));
		body.push('<h3>Intune custom profile (Microsoft Graph)</h3>', block({ title: 'windows10CustomConfiguration JSON', text: profile.intune }));
		if (profile.intuneOmitted.length > 0) {
			body.push(`<p class="note">Not in the Intune profile, which cannot send a Delete: ${escapeHtml(profile.intuneOmitted.join(', '))}. Remove the setting from the profile to stop managing it.</p>`);
		}
		body.push('<h3>Registry on the device</h3>', block({ title: 'Registry values', text: profile.registry }));
	}
	const data = JSON.stringify(copies).replace(/</g, '\\u003c');
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.2em 2em; }
h1 { font-size: 1.3em; } h2 { font-size: 1.15em; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .2em; margin-top: 1.6em; } h3 { font-size: 1em; margin-top: 1.4em; } h4 { margin: 0; font-size: .9em; font-weight: 600; }
table { border-collapse: collapse; margin: .4em 0; } td, th { text-align: left; padding: .15em .8em .15em 0; vertical-align: top; } th { font-weight: 600; color: var(--vscode-descriptionForeground); }
.block { border: 1px solid var(--vscode-panel-border); border-radius: 3px; margin: .5em 0; }
.block header { display: flex; justify-content: space-between; align-items: center; padding: .25em .5em; background: var(--vscode-sideBarSectionHeader-background); }
pre { margin: 0; padding: .5em; overflow-x: auto; white-space: pre-wrap; word-break: break-all; line-height: 1.5; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); background: var(--vscode-textCodeBlock-background); }
button.copy { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .2em .8em; cursor: pointer; border-radius: 2px; }
button.copy:hover { background: var(--vscode-button-hoverBackground); }
.errors li { margin: .3em 0; } .where { color: var(--vscode-descriptionForeground); } .errors-intro { color: var(--vscode-errorForeground); } .note { color: var(--vscode-descriptionForeground); }
.state-enabled { color: var(--vscode-testing-iconPassed); } .state-disabled { color: var(--vscode-errorForeground); } .state-not-configured { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
${body.join('\n')}
<script type="application/json" id="copies" nonce="${nonce}">${data}</script>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const copies = JSON.parse(document.getElementById('copies').textContent);
for (const button of document.querySelectorAll('button.copy')) {
	button.addEventListener('click', () => vscode.postMessage({ type: 'copy', text: copies[Number(button.dataset.copy)], what: button.title }));
}
</script>
</body>
</html>
`;
}

function policySection(policy: PolicyPreview, block: (b: Block) => string): string {
	const rows: [string, string][] = [
		['OMA-URI', policy.omaUri],
		['Command', policy.command],
		['Intune data type', policy.dataType],
	];
	const parts = [
		`<h3>${escapeHtml(policy.policy)} <span class="state-${escapeHtml(policy.state)}">${escapeHtml(policy.state)}</span></h3>`,
		`<p>${escapeHtml(policy.friendlyName)}</p>`,
		`<table>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td><code>${escapeHtml(v)}</code></td></tr>`).join('')}</table>`,
	];
	if (policy.payload === null) {
		parts.push('<p class="note">Not configured: a Delete on the OMA-URI, with no payload. The device removes what the policy wrote.</p>');
	} else {
		parts.push(
			block({ title: 'Payload (raw, as Intune takes it)', text: policy.payload }),
			block({ title: 'Payload escaped for <Data>', text: policy.escaped ?? '' }),
			block({ title: 'Payload in CDATA for <Data>', text: policy.cdata ?? '' }),
		);
	}
	return parts.join('\n');
}
