import type { StorageAdapter } from "grammy";
import { LRUCache } from "lru-cache";

/** Chats whose sessions a bot without Redis keeps at most (the most recent ones). */
export const MEMORY_SESSION_CHATS = 10_000;

/**
 * Session storage in memory, for a bot without Redis: the most recent `maxChats` chats, each
 * forgotten `ttlMs` after its last update. grammY's own memory storage keeps every chat ever seen
 * (an expired one is only dropped when that chat writes again), so memory grew with every new chat.
 */
export function memorySessions<T extends object>(
  ttlMs: number,
  maxChats = MEMORY_SESSION_CHATS,
): StorageAdapter<T> {
  const chats = new LRUCache<string, T>({ max: maxChats, ttl: ttlMs, updateAgeOnGet: true });
  return {
    read: (key) => chats.get(key),
    write: (key, value) => {
      chats.set(key, value);
    },
    delete: (key) => {
      chats.delete(key);
    },
  };
}
