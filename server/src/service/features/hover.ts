import type { Hover } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document';
import { intuneHover } from './intuneHover';
import { syncmlHover } from './syncmlHover';
import { yamlHover } from './yamlHover';

/** Documentation for what is under the cursor. */
export function getHover(doc: ParsedDocument, offset: number): Hover | null {
	return doc.language === 'syncml' ? syncmlHover(doc, offset) : doc.language === 'intune' ? intuneHover(doc, offset) : yamlHover(doc, offset);
}
