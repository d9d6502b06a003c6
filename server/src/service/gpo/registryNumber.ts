/** The registry's number types and how many bits each holds. */
const BITS = { REG_DWORD: 32, REG_QWORD: 64 } as const;

export type NumberType = keyof typeof BITS;

/**
 * The range a DWORD or QWORD is written in: unsigned, or from the most negative signed number up,
 * where the tool takes a signed number and keeps its bits (the GroupPolicy cmdlets).
 */
export function numberRange(type: NumberType, signed: boolean): { min: bigint; max: bigint } {
	const bits = BigInt(BITS[type]);
	return { min: signed ? -(1n << (bits - 1n)) : 0n, max: (1n << bits) - 1n };
}

/**
 * A DWORD or QWORD written in decimal or `0x` hexadecimal, as the unsigned decimal digits a
 * record holds; undefined when it is no number or does not fit the type. Read as a big integer,
 * since a QWORD exceeds a JavaScript number and a rounded one would change the value.
 */
export function registryNumber(text: string, type: NumberType, signed: boolean): string | undefined {
	const match = /^\s*(-?)(0x[0-9a-f]+|\d+)\s*$/i.exec(text);
	if (!match) {
		return undefined;
	}
	const value = match[1] === '-' ? -BigInt(match[2]) : BigInt(match[2]);
	const { min, max } = numberRange(type, signed);
	return value < min || value > max ? undefined : BigInt.asUintN(BITS[type], value).toString();
}
