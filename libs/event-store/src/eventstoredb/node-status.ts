import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { StoreNodeStatus } from '../port';
import { withDeadline } from './deadlines';

/** One member of the server's HTTP `/gossip` answer (KurrentDB MemberInfoDto, camel-cased). */
interface GossipMember {
  state?: unknown;
  isAlive?: boolean;
  httpEndPointIp?: string;
  httpEndPointPort?: number;
  writerCheckpoint?: number;
  chaserCheckpoint?: number;
}

interface GossipAnswer {
  members?: GossipMember[];
  /** The node that answered: the one the client's channel is connected to. */
  serverIp?: string;
  serverPort?: number;
}

type HttpRequest = (method: 'GET', path: string, options: Record<string, never>) => Promise<unknown>;

/**
 * The connected node's role and, on a follower, how far it is behind the leader. The client has
 * no public call for it, so this asks the node its channel is connected to for `/gossip` through
 * the client's own HTTP helper (the one its projection and user calls use: same node, same TLS and
 * credentials). Gossip is refreshed every few seconds, so the lag is that fresh; it counts bytes
 * of the transaction log the node has not yet made readable, not events.
 */
export async function readNodeStatus(client: KurrentDBClient, timeoutMs: number): Promise<StoreNodeStatus> {
  const request = (client as unknown as { HTTPRequest?: HttpRequest }).HTTPRequest;
  if (typeof request !== 'function') return { role: 'unknown' };
  const answer = (await withDeadline(request('GET', '/gossip', {}), timeoutMs, 'gossip')) as GossipAnswer;
  return statusFromGossip(answer);
}

export function statusFromGossip(answer: GossipAnswer): StoreNodeStatus {
  const members = answer.members ?? [];
  const self = members.find((member) => member.httpEndPointIp === answer.serverIp && member.httpEndPointPort === answer.serverPort);
  if (!self) return { role: 'unknown' };
  const role = roleName(self.state);
  const node = `${answer.serverIp}:${answer.serverPort}`;
  const leader = members.find((member) => member.isAlive !== false && roleName(member.state) === 'leader');
  if (role === 'leader' || !leader) return { role, node };
  const behind = Math.max(0, Number(leader.writerCheckpoint ?? 0) - Number(self.chaserCheckpoint ?? self.writerCheckpoint ?? 0));
  return { role, node, leader: `${leader.httpEndPointIp}:${leader.httpEndPointPort}`, lagBytes: behind };
}

/** `Leader`, `Follower`, `ReadOnlyReplica`… as `leader`, `follower`, `read-only-replica`; anything else is unknown. */
function roleName(state: unknown): string {
  if (typeof state !== 'string') return 'unknown';
  return state.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}
