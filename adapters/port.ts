/** What every chat adapter is: a thin translator with a lifecycle (docs/design.md, "Adapter port"). */
export interface Adapter {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}
