import { decodeJwt } from 'jose';
import { Socket } from 'socket.io';
import { TokenVerifier } from '../auth/token-verifier';
import { LIVE_ROLES } from './live-view';

/**
 * The live channel's handshake: a verified token of a role that may open it, whose actor and
 * expiry the socket then carries.
 */
export function liveHandshake(verifier: TokenVerifier) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    if (typeof token !== 'string') return next(new Error('unauthorized'));
    verifier
      .verify(token)
      .then((actor) => {
        if (!LIVE_ROLES.has(actor.role)) return next(new Error('forbidden'));
        socket.data.actor = actor;
        socket.data.expiresAtMs = expiryOf(token);
        // The verifier allows clock skew around `exp`; a session channel opens only before it.
        if (socket.data.expiresAtMs !== undefined && socket.data.expiresAtMs <= Date.now()) return next(new Error('unauthorized'));
        next();
      })
      .catch(() => next(new Error('unauthorized')));
  };
}

/** The token's `exp` (already verified), in epoch milliseconds. */
function expiryOf(token: string): number | undefined {
  try {
    const exp = decodeJwt(token).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
