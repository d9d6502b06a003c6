import type { Span } from '../text/span';
import type { RuleCode, Severity } from './rules';

export interface TextEdit {
	readonly span: Span;
	readonly newText: string;
}

/** A ready-made edit offered as a quick fix for one problem. */
export interface Fix {
	readonly title: string;
	readonly edits: readonly TextEdit[];
	readonly preferred?: boolean;
}

/** A finding of the language service, in offsets; positions are made only at the edges. */
export interface Problem {
	readonly code: RuleCode;
	readonly span: Span;
	readonly message: string;
	/** Overrides the rule's default, for findings of one code that differ in weight. */
	readonly severity?: Severity;
	readonly fixes?: readonly Fix[];
}
