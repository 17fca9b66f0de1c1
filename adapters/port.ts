/** What every chat adapter is: a thin translator with a lifecycle (README, "How it works"). */
export interface Adapter {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}
