import type { ChannelExport, PolicyPreview, Preview, PreviewError } from '../../server/src/common/protocol';
import { copyText } from './copyForms';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A request to scroll the page to the policy that starts at `line`; a new `token` asks again. */
export interface Reveal {
	readonly line: number;
	readonly token: number;
}

/** Collects the texts the page's copy buttons send back, so no payload is read out of the markup. */
class Copies {
	readonly texts: string[] = [];

	button(text: string, what: string, label = 'Copy'): string {
		this.texts.push(text);
		return `<button class="copy" data-copy="${this.texts.length - 1}" data-what="${escapeHtml(what)}" title="Copy ${escapeHtml(what)}">${escapeHtml(label)}</button>`;
	}

	block(title: string, text: string, what = title): string {
		return `<section class="block"><header><h4>${escapeHtml(title)}</h4>${this.button(text, what)}</header><pre><code>${escapeHtml(text)}</code></pre></section>`;
	}
}

/**
 * The preview page: a card per policy with what an Intune row needs first (the OMA-URI, the data
 * type, the raw value), the SyncML forms after, then each profile's message, Intune JSON and
 * registry values. Every value is escaped and nothing is loaded from outside; the only script
 * (allowed by its nonce) copies, asks to save a binary export, jumps to error lines and scrolls
 * to the policy a lens names.
 */
export function renderPreview(preview: Preview, title: string, nonce: string, cspSource: string, reveal?: Reveal): string {
	const copies = new Copies();
	const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
	if (preview.errors.length > 0) {
		body.push(errorList(preview.errors));
	}
	for (const [index, profile] of preview.profiles.entries()) {
		body.push(`<h2>${escapeHtml(profile.name)}</h2>`);
		if (profile.policies.length === 0) {
			body.push('<p>This profile sets no policy.</p>');
		}
		for (const policy of profile.policies) {
			body.push(policyCard(policy, preview, copies, index));
		}
		body.push(`<details class="whole" data-fold="${index}:syncml"><summary>SyncML message (${preview.encoding === 'cdata' ? 'CDATA' : 'escaped'} payloads)</summary>${copies.block('SyncML message', profile.syncml)}</details>`);
		const omitted = profile.intuneOmitted.length === 0 ? '' : `<p class="note">Not in the Intune profile, which cannot send a Delete: ${escapeHtml(profile.intuneOmitted.join(', '))}. Remove the setting from the profile to stop managing it.</p>`;
		body.push(`<details class="whole" data-fold="${index}:intune"><summary>Intune custom profile (Microsoft Graph JSON)</summary>${omitted}${copies.block('windows10CustomConfiguration JSON', profile.intune)}</details>`);
		body.push(`<details class="whole" data-fold="${index}:registry"><summary>Registry values on the device</summary>${copies.block('Registry values', profile.registry)}</details>`);
		body.push(...profile.channels.filter((channel) => channel.further).map((channel) => channelSection(channel, index, copies)));
	}
	const data = JSON.stringify(copies.texts).replace(/</g, '\\u003c');
	const revealAttributes = reveal ? ` data-reveal-line="${reveal.line}" data-reveal-token="${reveal.token}"` : '';
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body${revealAttributes}>
${body.join('\n')}
<script type="application/json" id="copies" nonce="${nonce}">${data}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

function errorList(errors: readonly PreviewError[]): string {
	const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
	return [
		`<p class="errors-intro"><span class="error-mark" aria-hidden="true"></span>This file has ${count}, so no payload is built from it. Fix ${errors.length === 1 ? 'it' : 'them'} and the preview follows; each line below opens its place in the file.</p>`,
		'<ul class="errors">',
		...errors.map((e) => `<li><a href="#" class="goto" data-line="${e.line}" data-character="${e.character}">line ${e.line + 1}:${e.character + 1}</a> <code>${escapeHtml(e.code)}</code> ${escapeHtml(e.message)}</li>`),
		'</ul>',
	].join('\n');
}

/**
 * A folded section per further channel: what the channel's row says of every export, then its
 * text with Copy, or a Save button for a binary file. `profile`, the profile's place in the file,
 * keys the section and tells Save which profile to write.
 */
function channelSection(channel: ChannelExport, profile: number, copies: Copies): string {
	const notes = [...channel.notes, ...(channel.note ? [channel.note] : [])].map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('');
	const body = channel.content === null
		? ''
		: channel.binary
			? `<p><button class="export" data-channel="${escapeHtml(channel.id)}" data-profile="${profile}">Save ${escapeHtml(channel.name)}…</button></p>`
			: copies.block(channel.title, channel.content);
	return `<details class="whole" data-fold="${profile}:${escapeHtml(channel.id)}" data-channel="${escapeHtml(channel.id)}"><summary>${escapeHtml(`${channel.title} (${channel.description})`)}</summary>${notes}${body}</details>`;
}

function policyCard(policy: PolicyPreview, preview: Preview, copies: Copies, profile: number): string {
	const row = copyText(policy, 'intuneRow', preview.encoding);
	const parts = [
		`<article class="policy" data-line="${policy.line}">`,
		`<header><h3>${escapeHtml(policy.policy)}</h3><span class="state state-${escapeHtml(policy.state)}"><span class="dot" aria-hidden="true"></span>${escapeHtml(policy.state)}</span>${'text' in row ? copies.button(row.text, `Intune row of ${policy.policy}`, 'Copy Intune row') : ''}</header>`,
		`<p class="friendly">${escapeHtml(policy.friendlyName)}</p>`,
		`<div class="field"><span class="label">OMA-URI</span><code class="uri">${escapeHtml(policy.omaUri)}</code>${copies.button(policy.omaUri, `OMA-URI of ${policy.policy}`)}</div>`,
	];
	if (policy.payload === null) {
		parts.push('<p class="note">Not configured: the device receives a Delete for this OMA-URI, with no value, and removes what the policy wrote. An Intune custom profile cannot send a Delete.</p>');
	} else {
		parts.push(
			`<div class="field"><span class="label">Data type</span><code>${escapeHtml(policy.dataType)}</code></div>`,
			copies.block('Value (raw, as Intune takes it)', policy.payload, `raw value of ${policy.policy}`),
			`<details data-fold="${profile}:${escapeHtml(policy.policy)}"><summary>For a SyncML &lt;Data&gt; element (${escapeHtml(policy.command)})</summary>`,
			copies.block('Escaped', policy.escaped ?? '', `escaped value of ${policy.policy}`),
			copies.block('In CDATA', policy.cdata ?? '', `CDATA value of ${policy.policy}`),
			'</details>',
		);
	}
	parts.push('</article>');
	return parts.join('\n');
}

// Text is always in the theme's foreground or description colours, which themes keep readable on
// the editor background; state and error colours only fill small marks beside the text.
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.2em 2em; max-width: 60em; }
h1 { font-size: 1.3em; } h2 { font-size: 1.15em; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .2em; margin-top: 1.6em; } h3 { font-size: 1.05em; margin: 0; } h4 { margin: 0; font-size: .9em; font-weight: 600; }
code { font-family: var(--vscode-editor-font-family); }
.policy { border: 1px solid var(--vscode-panel-border); border-radius: 4px; padding: .6em .8em; margin: .8em 0; }
.policy.revealed { outline: 2px solid var(--vscode-focusBorder); outline-offset: 1px; }
.policy > header { display: flex; align-items: center; gap: .8em; flex-wrap: wrap; }
.policy > header button.copy { margin-left: auto; }
.friendly { margin: .2em 0 .6em; color: var(--vscode-descriptionForeground); }
.field { display: flex; align-items: baseline; gap: .6em; margin: .35em 0; }
.label { flex: 0 0 6.5em; font-weight: 600; }
.uri { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; word-break: break-all; }
.state { display: inline-flex; align-items: center; gap: .35em; font-size: .9em; color: var(--vscode-foreground); }
.dot { width: .7em; height: .7em; border-radius: 50%; display: inline-block; border: 1px solid var(--vscode-foreground); }
.state-enabled .dot { background: var(--vscode-testing-iconPassed); border-color: var(--vscode-testing-iconPassed); }
.state-disabled .dot { background: var(--vscode-descriptionForeground); border-color: var(--vscode-descriptionForeground); }
.state-not-configured .dot { background: transparent; }
.block { border: 1px solid var(--vscode-panel-border); border-radius: 3px; margin: .5em 0; }
.block header { display: flex; justify-content: space-between; align-items: center; padding: .25em .5em; background: var(--vscode-sideBarSectionHeader-background); color: var(--vscode-sideBarSectionHeader-foreground, var(--vscode-foreground)); }
pre { margin: 0; padding: .5em; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.5; font-size: var(--vscode-editor-font-size); background: var(--vscode-textCodeBlock-background); }
details { margin: .5em 0; } summary { cursor: pointer; } details.whole > summary { font-weight: 600; margin-top: 1em; }
button.copy, button.export { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .2em .8em; cursor: pointer; border-radius: 2px; white-space: nowrap; }
button.copy:hover, button.export:hover { background: var(--vscode-button-hoverBackground); }
button.copy:focus-visible, a:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
a { color: var(--vscode-textLink-foreground); } a:hover { color: var(--vscode-textLink-activeForeground); }
.errors li { margin: .3em 0; }
.error-mark { display: inline-block; width: .25em; height: 1em; margin-right: .5em; vertical-align: text-bottom; background: var(--vscode-editorError-foreground); }
.note { color: var(--vscode-descriptionForeground); }
`;

// Scrolling and the unfolded sections survive a refresh (the page is rebuilt on each edit) through
// the webview's state, sections first so the position is there to scroll back to; a new reveal
// token wins over the remembered position once.
const SCRIPT = `
const vscode = acquireVsCodeApi();
const state = vscode.getState() || {};
const copies = JSON.parse(document.getElementById('copies').textContent);
for (const button of document.querySelectorAll('button.copy')) {
	button.addEventListener('click', () => vscode.postMessage({ type: 'copy', text: copies[Number(button.dataset.copy)], what: button.dataset.what }));
}
for (const button of document.querySelectorAll('button.export')) {
	button.addEventListener('click', () => vscode.postMessage({ type: 'export', channel: button.dataset.channel, profile: Number(button.dataset.profile) }));
}
const unfolded = new Set(state.unfolded || []);
for (const section of document.querySelectorAll('details[data-fold]')) {
	if (unfolded.has(section.dataset.fold)) {
		section.open = true;
	}
	section.addEventListener('toggle', () => vscode.setState({ ...vscode.getState(), unfolded: [...document.querySelectorAll('details[data-fold][open]')].map((d) => d.dataset.fold) }));
}
for (const link of document.querySelectorAll('a.goto')) {
	link.addEventListener('click', (event) => {
		event.preventDefault();
		vscode.postMessage({ type: 'goto', line: Number(link.dataset.line), character: Number(link.dataset.character) });
	});
}
const revealLine = document.body.dataset.revealLine;
const card = revealLine === undefined ? null : document.querySelector('article.policy[data-line="' + revealLine + '"]');
if (card) {
	card.classList.add('revealed');
}
if (card && state.revealToken !== document.body.dataset.revealToken) {
	card.scrollIntoView({ block: 'start' });
	vscode.setState({ ...vscode.getState(), revealToken: document.body.dataset.revealToken, scrollY: window.scrollY });
} else if (typeof state.scrollY === 'number') {
	window.scrollTo(0, state.scrollY);
}
let pending = false;
window.addEventListener('scroll', () => {
	if (!pending) {
		pending = true;
		requestAnimationFrame(() => {
			pending = false;
			vscode.setState({ ...vscode.getState(), scrollY: window.scrollY });
		});
	}
});
`;
