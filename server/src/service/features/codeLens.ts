import type { CodeLens } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/document';
import { toRange } from '../text/ranges';

export interface LensCommand {
	readonly title: string;
	readonly command: string;
}

/**
 * One row of lenses above each Remote Assistance policy (YAML) or Item (SyncML), each running its
 * command with the document URI and the policy's line. A name that is not a policy gets none: there
 * is nothing to preview or copy until it is fixed.
 */
export function getCodeLenses(doc: ParsedDocument, commands: readonly LensCommand[]): CodeLens[] {
	return doc.profiles.flatMap((profile) => profile.policies).filter((setting) => setting.definition !== undefined).flatMap((setting) => {
		const range = toRange(doc.lines, { start: setting.span.start, end: setting.span.start });
		return commands.map(({ title, command }) => ({ range, command: { title, command, arguments: [doc.uri, range.start.line] } }));
	});
}
