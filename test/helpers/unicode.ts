import * as fc from 'fast-check';

/**
 * One code point of any plane but a surrogate: what fast-check's string unit 'binary' draws, value
 * for value and shrink for shrink. For that unit fast-check builds a table of all 1.1 million code
 * points, to read a string back into units, which takes most of a second in each process that
 * uses it; here reading one back is arithmetic.
 */
export const anyCodePoint: fc.Arbitrary<string> = fc.nat({ max: 0x10ffff - 0x800 }).map(
	(n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800),
	(value) => {
		const code = typeof value === 'string' ? value.codePointAt(0) : undefined;
		if (code === undefined || String.fromCodePoint(code) !== value || (code >= 0xd800 && code <= 0xdfff)) {
			throw new Error(`${JSON.stringify(value)} is not one code point outside the surrogates`);
		}
		return code < 0xd800 ? code : code - 0x800;
	},
);
