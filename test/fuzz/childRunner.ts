/**
 * Runs work in a child Node process so that a hang, a crash, a stack overflow or running out of
 * memory in the language service is reported instead of stopping the test run: the child is
 * killed when it takes too long (in all, or without reporting progress). The child is the same
 * kind of process as the language server (Node's main thread, default stack size).
 *
 * Protocol: the parent sends `{ id, request }`; the child answers with any number of
 * `{ id, type: 'progress', data }` and then one `{ id, type: 'reply', data }` or
 * `{ id, type: 'error', error }`. One child serves request after request until it is killed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export type ChildMessage<Reply, Progress> =
	| { readonly id: number; readonly type: 'progress'; readonly data: Progress }
	| { readonly id: number; readonly type: 'reply'; readonly data: Reply }
	| { readonly id: number; readonly type: 'error'; readonly error: string };

export type Outcome<Reply, Progress> =
	| { readonly kind: 'reply'; readonly reply: Reply; readonly ms: number }
	| { readonly kind: 'error'; readonly error: string; readonly ms: number }
	/** Killed: over the time limit, or no progress for too long. `last` is the last progress. */
	| { readonly kind: 'timeout'; readonly reason: string; readonly ms: number; readonly stderr: string; readonly last: Progress | undefined }
	| { readonly kind: 'crash'; readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly ms: number; readonly stderr: string; readonly last: Progress | undefined };

export interface RunLimits<Progress> {
	/** Kill the child after this long in all (plus the start-up time of a new child). */
	readonly limitMs: number;
	/** Kill the child when it reports no progress for this long. */
	readonly stallMs?: number;
	readonly onProgress?: (data: Progress) => void;
}

export class ChildRunner<Request, Reply, Progress = never> {
	private child: ChildProcess | undefined;
	private ready: Promise<void> = Promise.resolve();
	private stderr = '';
	private nextId = 1;

	/**
	 * @param startupMs time a new child may take to load before a run's limits start to count
	 * (call `warm()` first to keep loading out of a run altogether).
	 */
	constructor(private readonly script: string, private readonly execArgv: readonly string[] = [], private readonly startupMs = 10_000) {}

	private spawn(): ChildProcess {
		const child = fork(this.script, [], { execArgv: [...this.execArgv], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
		this.ready = new Promise((resolve) => {
			const onReady = (message: { type?: string }) => {
				if (message?.type === 'ready') {
					child.off('message', onReady);
					resolve();
				}
			};
			child.on('message', onReady);
			child.once('exit', () => resolve());
		});
		this.stderr = '';
		child.stderr?.on('data', (chunk: Buffer) => {
			if (this.stderr.length < 50_000) {
				this.stderr += chunk.toString();
			}
		});
		child.on('exit', () => {
			if (this.child === child) {
				this.child = undefined;
			}
		});
		return child;
	}

	run(request: Request, limits: RunLimits<Progress>): Promise<Outcome<Reply, Progress>> {
		const fresh = this.child === undefined;
		const child = this.child ?? (this.child = this.spawn());
		// A new child first loads the service and the generators; that is not a stall.
		const startupMs = fresh ? this.startupMs : 0;
		const id = this.nextId++;
		return new Promise((resolve) => {
			const started = performance.now();
			const elapsed = () => performance.now() - started;
			let last: Progress | undefined;
			let settled = false;
			let stallTimer: NodeJS.Timeout | undefined;
			const finish = (outcome: Outcome<Reply, Progress>) => {
				if (!settled) {
					settled = true;
					clearTimeout(timer);
					clearTimeout(stallTimer);
					child.off('message', onMessage);
					child.off('exit', onExit);
					resolve(outcome);
				}
			};
			const kill = (reason: string) => {
				if (this.child === child) {
					this.child = undefined;
				}
				child.kill('SIGKILL');
				finish({ kind: 'timeout', reason, ms: elapsed(), stderr: this.stderr, last });
			};
			const armStall = (extra = 0) => {
				if (limits.stallMs !== undefined) {
					clearTimeout(stallTimer);
					stallTimer = setTimeout(() => kill(`no progress for ${limits.stallMs} ms`), limits.stallMs + extra);
				}
			};
			const timer = setTimeout(() => kill(`not done after ${limits.limitMs + startupMs} ms`), limits.limitMs + startupMs);
			armStall(startupMs);
			const onMessage = (message: ChildMessage<Reply, Progress>) => {
				if (message?.id !== id) {
					return;
				}
				if (message.type === 'progress') {
					last = message.data;
					armStall();
					limits.onProgress?.(message.data);
				} else if (message.type === 'reply') {
					finish({ kind: 'reply', reply: message.data, ms: elapsed() });
				} else {
					finish({ kind: 'error', error: message.error, ms: elapsed() });
				}
			};
			const onExit = (code: number | null, signal: NodeJS.Signals | null) => finish({ kind: 'crash', code, signal, ms: elapsed(), stderr: this.stderr, last });
			child.on('message', onMessage);
			child.on('exit', onExit);
			child.send({ id, request });
		});
	}

	/** Starts a child if there is none and waits until it has loaded. */
	async warm(): Promise<void> {
		if (!this.child) {
			this.child = this.spawn();
		}
		await this.ready;
	}

	close(): void {
		const child = this.child;
		this.child = undefined;
		if (child?.connected) {
			child.disconnect();
		}
	}
}

/**
 * The child's side: answers each request with `handle`, which may report progress. Exits when
 * the parent goes away.
 */
export function serveRequests<Request, Reply, Progress>(handle: (request: Request, progress: (data: Progress) => void) => Reply): void {
	process.on('message', (message: { id: number; request: Request }) => {
		const progress = (data: Progress) => {
			process.send?.({ id: message.id, type: 'progress', data });
		};
		let answer: ChildMessage<Reply, Progress>;
		try {
			answer = { id: message.id, type: 'reply', data: handle(message.request, progress) };
		} catch (error) {
			answer = { id: message.id, type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
		}
		process.send?.(answer);
	});
	process.on('disconnect', () => process.exit(0));
	process.send?.({ type: 'ready' });
}
