import type { Runtime } from 'webextension-polyfill';
import type { SenderKind } from '../core/messages.ts';

/**
 * Who sent a runtime message. Only our own content scripts (in a tab) and our own
 * extension pages count; everything else (other extensions, missing ids) is `null`.
 */
export function senderKind(
  sender: Runtime.MessageSender,
  ownId: string,
  ownOrigin: string,
): SenderKind | null {
  if (sender.id !== ownId) return null;
  if (sender.tab?.id !== undefined && typeof sender.url === 'string' && !sender.url.startsWith(ownOrigin)) {
    return 'content-script';
  }
  if (typeof sender.url === 'string' && sender.url.startsWith(ownOrigin)) return 'extension-page';
  return null;
}
