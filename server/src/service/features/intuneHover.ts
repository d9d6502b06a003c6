import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { ParsedIntune } from '../document/document';
import { toRange } from '../text/ranges';
import { catalogElementMarkdown, policyMarkdown } from './policyDocs';

/** Hover in an Intune export: the docs of the policy or option whose OMA-URI, id or data id is under the cursor. */
export function intuneHover(doc: ParsedIntune, offset: number): Hover | null {
	const anchor = doc.anchors.find((a) => offset >= a.start && offset <= a.end);
	if (!anchor) {
		return null;
	}
	const value = anchor.element ? catalogElementMarkdown(anchor.policy, anchor.element, 'payload') : policyMarkdown(anchor.policy);
	return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(doc.lines, anchor) };
}
