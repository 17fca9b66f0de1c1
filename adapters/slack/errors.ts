/** Why the Slack adapter could not start or stop; `cause` keeps the SDK error. */
export class SlackAdapterError extends Error {
  override readonly name = 'SlackAdapterError';
  constructor(
    readonly code: 'auth_failed' | 'connect_failed' | 'listen_failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
