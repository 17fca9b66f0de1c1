import { type Diagnosis, DiagnosisSchema } from '../contracts';
import type { SharedStore } from '../ports';

/**
 * The last diagnosis per conversation (a Slack thread, a Discord DM), so a follow-up such as
 * "I'm on Node" re-renders it for Node — on whichever replica the follow-up lands. What is read
 * back is validated: another replica, or an older version of the bot, wrote it.
 */
export class ConversationMemory {
  constructor(
    private readonly store: SharedStore,
    private readonly options: { namespace: string; ttlMs: number },
  ) {}

  async get(conversation: string): Promise<Diagnosis | null> {
    const parsed = DiagnosisSchema.safeParse(await this.store.get(this.key(conversation)));
    return parsed.success ? parsed.data : null;
  }

  set(conversation: string, diagnosis: Diagnosis): Promise<void> {
    return this.store.set(this.key(conversation), diagnosis, this.options.ttlMs);
  }

  private key(conversation: string): string {
    return `${this.options.namespace}:thread:${conversation}`;
  }
}
