import { InsertTextFormat, InsertTextMode, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { CursorContext } from '../yaml/yamlCursor';

/** A key proposal: the whole entry as a snippet, or just the name when the line already has its colon. */
export function keyProposal(key: string, snippet: string, context: CursorContext, range: Range, extra: Omit<CompletionItem, 'label' | 'textEdit'>): CompletionItem {
	return {
		...extra,
		label: key,
		insertTextFormat: context.keyHasColon ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
		insertTextMode: InsertTextMode.adjustIndentation,
		textEdit: { range, newText: context.keyHasColon ? key : snippet },
	};
}
