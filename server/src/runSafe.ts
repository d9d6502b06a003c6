import { LSPErrorCodes, ResponseError, type CancellationToken, type RemoteConsole } from 'vscode-languageserver';

/**
 * Runs a request handler so that a bug in one feature never takes the server down: errors are
 * logged with the document they came from and answered with an empty result.
 */
export async function runSafe<T>(console: RemoteConsole, what: string, uri: string, token: CancellationToken, fallback: T, work: () => T | Promise<T>): Promise<T | ResponseError<void>> {
	if (token.isCancellationRequested) {
		return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
	}
	try {
		return await work();
	} catch (error) {
		console.error(`${what} failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		return fallback;
	}
}
