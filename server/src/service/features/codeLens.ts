import type { CodeLens } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document';
import { toRange } from '../text/ranges';

/** A "Preview payload" lens above each policy (YAML) or Item (SyncML), running `command` with the document URI and line. */
export function getCodeLenses(doc: ParsedDocument, command: string): CodeLens[] {
	return doc.profiles.flatMap((profile) => profile.policies).map((setting) => {
		const range = toRange(doc.lines, { start: setting.span.start, end: setting.span.start });
		return { range, command: { title: 'Preview payload', command, arguments: [doc.uri, range.start.line] } };
	});
}
