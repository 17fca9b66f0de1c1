import type { ClientId } from '../contracts';
import { CLIENTS } from '../knowledge/clients';

/**
 * The client a short follow-up asks for, or null when the message is something else (a new paste).
 * Long messages and anything with an error shape are new pastes.
 */
export function requestedClient(text: string): ClientId | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 80 || /[{}]|\b[45]\d\d\b|error|exception/i.test(t)) return null;
  // Words that name a client or language (catalog/clients.yaml `followUp`), in the file's order.
  for (const { id, re } of CLIENTS.followUps) if (re.test(t)) return id;
  return null;
}
