import type { DiffSide, FileDifference, OptionDifference, PolicyDifference } from '../../server/src/common/protocol';
import { escapeHtml } from './previewHtml';

const CHANGE_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/** Where a side sets the policy: its line, or for a Registry.pol, which has none, the record's byte. */
function placeText(side: DiffSide): string {
	return side.place.binary ? `record at byte 0x${side.place.span.start.toString(16).toUpperCase()}` : `line ${side.place.range.start.line + 1}`;
}

function sideCell(side: DiffSide | undefined): string {
	return side ? `<td><span class="state state-${escapeHtml(side.state)}">${escapeHtml(side.description)}</span><div class="place">${escapeHtml(placeText(side))}</div></td>` : '<td class="none">not set</td>';
}

function optionItem(option: OptionDifference): string {
	if (option.added || option.removed) {
		const entries = [...(option.added ?? []).map((e) => `<li class="added">+ <code>${escapeHtml(e)}</code></li>`), ...(option.removed ?? []).map((e) => `<li class="removed">− <code>${escapeHtml(e)}</code></li>`)];
		return `<li><code>${escapeHtml(option.id)}</code><ul>${entries.join('')}</ul></li>`;
	}
	const value = (text: string | undefined) => (text === undefined ? '<em>not set</em>' : `<code>${escapeHtml(text)}</code>`);
	return `<li><code>${escapeHtml(option.id)}</code>: ${value(option.before)} → ${value(option.after)}</li>`;
}

function policyRow(policy: PolicyDifference): string {
	const options = policy.options.length > 0 ? `<ul class="options">${policy.options.map(optionItem).join('')}</ul>` : '';
	return `<tr class="${policy.change}"><td class="change">${CHANGE_WORDS[policy.change]}</td><td><code>${escapeHtml(policy.key)}</code> <span class="scope">${escapeHtml(policy.scope)}</span><div class="name">${escapeHtml(policy.name)}</div>${options}</td>${sideCell(policy.before)}${sideCell(policy.after)}</tr>`;
}

/**
 * The comparison page: one row per policy that differs, with what each side sets and where, and
 * under a changed policy each option that differs (list entries added and removed). Everything a
 * file holds is escaped, and the page runs no script.
 */
export function renderComparison(difference: FileDifference, nonce: string, cspSource: string): string {
	const title = `${difference.before} ↔ ${difference.after}`;
	const body = difference.policies.length === 0
		? '<p class="same">Both set the same policies with the same states and options.</p>'
		: `<table><thead><tr><th></th><th>Policy</th><th>${escapeHtml(difference.before)}</th><th>${escapeHtml(difference.after)}</th></tr></thead><tbody>${difference.policies.map(policyRow).join('')}</tbody></table>`;
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<h1>Policies: ${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.2em 2em; }
h1 { font-size: 1.3em; overflow-wrap: anywhere; }
code { font-family: var(--vscode-editor-font-family); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4em .6em; border-bottom: 1px solid var(--vscode-panel-border); overflow-wrap: anywhere; }
th { font-weight: 600; }
td.change { font-weight: 600; white-space: nowrap; }
tr.added td.change, li.added { color: var(--vscode-gitDecoration-addedResourceForeground); }
tr.removed td.change, li.removed { color: var(--vscode-gitDecoration-deletedResourceForeground); }
tr.changed td.change { color: var(--vscode-gitDecoration-modifiedResourceForeground); }
.scope, .name, .place, .none { color: var(--vscode-descriptionForeground); }
.scope { font-size: .9em; }
ul { margin: .3em 0; padding-left: 1.2em; }
`;
