/**
 * Why a screenshot could not be read although the file itself was fine. Distinct from
 * `ImageRejectedError` (the file is refused): the doctor reports these as "image not read", and
 * each carries a message fit to show the user.
 */
export type OcrFailureReason = 'timeout' | 'busy' | 'engine' | 'closed';

const USER_MESSAGES: Record<OcrFailureReason, string> = {
  timeout: 'Reading your screenshot took too long. Paste the error text, or send a tighter crop of the error.',
  busy: 'I am reading too many screenshots right now. Try again in a minute, or paste the error text.',
  engine: 'My text reader failed on your screenshot. Paste the error text instead.',
  closed: 'The screenshot reader is shutting down. Paste the error text instead.',
};

export class OcrUnavailableError extends Error {
  override readonly name = 'OcrUnavailableError';
  readonly userMessage: string;
  constructor(
    readonly reason: OcrFailureReason,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`OCR ${reason}: ${detail}`, options);
    this.userMessage = USER_MESSAGES[reason];
  }
}
