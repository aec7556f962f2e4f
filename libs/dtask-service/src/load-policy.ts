/**
 * How the service gets a stream's state before deciding (after Equinox's named load options):
 * - `cached`: this process's memory of the stream, without a read. Safe for deciding: an append
 *   from a stale state fails its expected-revision check and is decided again on a fresh load. A
 *   refusal or a no-op is never answered from memory alone: it is checked against the stream;
 * - `assume-empty`: an intake, which creates its stream: decide on the initial state without a
 *   read; `no-stream` on the append checks the guess;
 * - `fresh`: read what the stream holds beyond what was folded, before deciding.
 */
export type LoadPolicy = 'cached' | 'assume-empty' | 'fresh';
