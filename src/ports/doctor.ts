import type { ClientId, Diagnosis, Inquiry } from '../contracts';

/** How one diagnosis may be reached. */
export interface DiagnoseOptions {
  /**
   * Answer from the rules alone: no model call, even when the rules are not confident. For text
   * nobody asked the bot about (a watched help channel), where an unsure answer stays unsent.
   */
  rulesOnly?: boolean;
}

/** The one entry point adapters use. Adapters translate; everything else lives behind this. */
export interface Doctor {
  /** Diagnose one inquiry. Never throws for bad input: every input gets an answer. */
  diagnose(inquiry: Inquiry, options?: DiagnoseOptions): Promise<Diagnosis>;
  /**
   * A message in a thread the bot already answered. If it only names a client ("I'm on Node",
   * "curl?") the previous diagnosis is re-rendered for that client; otherwise it is a new paste.
   */
  followUp(previous: Diagnosis, inquiry: Inquiry): Promise<Diagnosis>;
  /** Re-render a diagnosis for another client without diagnosing again. */
  renderFor(previous: Diagnosis, client: ClientId): Diagnosis;
}
