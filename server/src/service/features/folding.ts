import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/document';
import type { Span } from '../text/span';
import type { XmlNode } from '../xml/xmlParser';

/** Folding: every element or comment of several lines in SyncML; categories, policies and elements in ADMX; profiles, policies and their options in YAML. */
export function getFoldingRanges(doc: ParsedDocument): FoldingRange[] {
	const ranges: FoldingRange[] = [];
	const add = (span: Span, kind?: FoldingRangeKind) => {
		const start = doc.lines.positionAt(span.start).line;
		const end = doc.lines.positionAt(span.end).line;
		if (end > start) {
			ranges.push({ startLine: start, endLine: kind === FoldingRangeKind.Comment ? end : end - 1, kind });
		}
	};
	if (doc.language === 'syncml') {
		// Commands are read relative to their own start; the frame around them is in file offsets.
		const walk = (nodes: readonly XmlNode[], base: number) => {
			for (const node of nodes) {
				if (node.kind === 'element') {
					if (!node.skipped) {
						add({ start: node.start + base, end: node.end + base });
						walk(node.children, base);
					}
				} else if (node.kind === 'comment') {
					add({ start: node.start + base, end: node.end + base }, FoldingRangeKind.Comment);
				}
			}
		};
		walk(doc.frame.nodes, 0);
		for (const chunk of doc.chunks) {
			walk([chunk.result.command.element], chunk.start);
		}
	} else if (doc.language === 'admx') {
		for (const category of doc.admx?.categories.values() ?? []) {
			add(category);
		}
		for (const policy of doc.admx?.policies ?? []) {
			add(policy);
			policy.elements.forEach((e) => add(e));
		}
	} else {
		for (const profile of doc.profiles) {
			for (const policy of profile.policies) {
				// A YAML entry ends on its last line, which stays visible when folded.
				add({ start: policy.span.start, end: policy.span.end + 1 });
				if (policy.optionsKey && policy.options.length > 0) {
					add({ start: policy.optionsKey.start, end: policy.options[policy.options.length - 1].span.end + 1 });
				}
			}
		}
	}
	return ranges.filter((r) => r.endLine > r.startLine);
}
