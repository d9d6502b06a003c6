import type { CompletionList } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document';
import { syncmlCompletions } from './syncmlCompletion';
import { yamlCompletions } from './yamlCompletion';

/** Proposals for the place being typed; works on half-typed documents. */
export function getCompletions(doc: ParsedDocument, offset: number): CompletionList {
	return doc.language === 'syncml' ? syncmlCompletions(doc, offset) : yamlCompletions(doc, offset);
}
