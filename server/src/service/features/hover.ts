import type { Hover } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/document';
import { admxHover } from './admxHover';
import { intuneHover } from './intuneHover';
import { syncmlHover } from './syncmlHover';
import { yamlHover } from './yamlHover';

/** Documentation for what is under the cursor. */
export function getHover(doc: ParsedDocument, offset: number): Hover | null {
	switch (doc.language) {
		case 'syncml':
			return syncmlHover(doc, offset);
		case 'intune':
			return intuneHover(doc, offset);
		case 'admx':
			return admxHover(doc, offset);
		default:
			return yamlHover(doc, offset);
	}
}
