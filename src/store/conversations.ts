import { randomBytes } from 'node:crypto';
import { type Diagnosis, DiagnosisSchema } from '../contracts';
import type { Logger, SharedStore } from '../ports';

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

/**
 * Each answer under a fresh key, for the "More detail" button that carries the key: a thread can
 * hold several answers, and the click may land on another replica.
 */
export class AnswerMemory {
  private readonly memory: ConversationMemory;

  constructor(store: SharedStore, options: { namespace: string; ttlMs: number }) {
    this.memory = new ConversationMemory(store, options);
  }

  get(key: string): Promise<Diagnosis | null> {
    return this.memory.get(key);
  }

  /** Keeps the answer and returns its key (16 hex digits). */
  async keep(diagnosis: Diagnosis): Promise<string> {
    const key = randomBytes(8).toString('hex');
    await this.memory.set(key, diagnosis);
    return key;
  }

  /**
   * The key for an answer's "More detail" button, or null (no button) when the answer has no
   * details or the store refused it: a store outage costs the button, never the answer.
   */
  async keepForDetails(diagnosis: Diagnosis, logger: Logger): Promise<string | null> {
    if (!diagnosis.details) return null;
    return this.keep(diagnosis).catch((error: unknown) => {
      logger.warn({ err: (error as Error).message }, 'could not keep an answer for "More detail"');
      return null;
    });
  }
}
