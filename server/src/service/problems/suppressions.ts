import { lineBreaksIn, lineOf } from '../text/lines';
import type { Problem } from './problem';

const DIRECTIVE = /(?:#|<!--)\s*rapolicy-disable-next-line\b([^\r\n]*?)(?:-->)?[ \t]*$/;

/** Line starts, so offsets can be turned into line numbers without a second pass per problem. */
function lineStarts(text: string): number[] {
	return [0, ...lineBreaksIn(text)];
}

/**
 * Drops problems silenced by a `rapolicy-disable-next-line [code ...]` comment on the line above
 * them (a YAML `#` comment or an XML comment). Without codes the comment silences every rule.
 */
export function applySuppressions<T extends Problem>(text: string, problems: readonly T[]): T[] {
	if (!text.includes('rapolicy-disable-next-line')) {
		return [...problems];
	}
	const starts = lineStarts(text);
	const silenced = new Map<number, Set<string> | 'all'>();
	for (let line = 0; line < starts.length; line++) {
		const end = line + 1 < starts.length ? starts[line + 1] : text.length;
		const match = DIRECTIVE.exec(text.slice(starts[line], end).replace(/[\r\n]+$/, ''));
		if (!match) {
			continue;
		}
		const codes = match[1].split(/[\s,]+/).filter((c) => c !== '' && c !== '--');
		silenced.set(line + 1, codes.length === 0 ? 'all' : new Set(codes));
	}
	return problems.filter((p) => {
		const rule = silenced.get(lineOf(starts, p.span.start));
		return rule === undefined || (rule !== 'all' && !rule.has(p.code));
	});
}
