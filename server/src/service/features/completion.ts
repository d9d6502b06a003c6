import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/document';
import { syncmlCompletions } from './syncmlCompletion';
import { yamlCompletions } from './yamlCompletion';

/** Proposals for the place being typed; works on half-typed documents. */
export function getCompletions(doc: ParsedDocument, offset: number): CompletionList {
	// In an Intune export the JSON editor's own completion applies; this service adds none, nor in ADMX yet.
	if (doc.language === 'intune' || doc.language === 'admx') {
		return { isIncomplete: false, items: [] };
	}
	const list = doc.language === 'syncml' ? syncmlCompletions(doc, offset) : yamlCompletions(doc, offset);
	const cursor = doc.lines.positionAt(offset);
	return { ...list, items: list.items.map((item) => onCursorLine(item, cursor)) };
}

/**
 * Editors accept only an edit on the cursor's line that contains the cursor. In broken text a
 * computed range can miss that; such an item then inserts at the cursor instead.
 */
function onCursorLine(item: CompletionItem, cursor: Position): CompletionItem {
	const edit = item.textEdit;
	if (!edit || !('range' in edit)) {
		return item;
	}
	const { start, end } = edit.range;
	const ok = start.line === cursor.line && end.line === cursor.line && start.character <= cursor.character && cursor.character <= end.character;
	return ok ? item : { ...item, textEdit: { range: { start: cursor, end: cursor }, newText: edit.newText } };
}
