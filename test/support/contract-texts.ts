import Anthropic from '@anthropic-ai/sdk';
import { TYPE_STATUS } from '../../src/extract';

/**
 * The documented error contract as pastes: for every documented status and `error.type`
 * (platform.claude.com/docs/en/api/errors, checked 2026-12-07; TYPE_STATUS holds the table), the
 * error the official TypeScript SDK raises for it — its own class and message, produced by the
 * installed SDK — and the raw response as `curl -i` prints it. The message is elided ("…") so only
 * the status and the type speak. The catalogue must answer each with that status and type.
 */
export interface ContractText {
  key: string;
  text: string;
  status: number;
  type: string;
}

/** The request id of the docs' own example body. */
const REQUEST_ID = 'req_011CSHoEeqs5C35K2UUqR7Fy';

export function contractTexts(): ContractText[] {
  return Object.entries(TYPE_STATUS).flatMap(([type, status]) => {
    const body = { type: 'error', error: { type, message: '…' }, request_id: REQUEST_ID };
    const sdk = Anthropic.APIError.generate(status, body, undefined, new Headers({ 'request-id': REQUEST_ID }));
    return [
      { key: `contract/${type}/sdk`, text: String(sdk), status, type },
      { key: `contract/${type}/http`, text: `HTTP/2 ${status}\nrequest-id: ${REQUEST_ID}\ncontent-type: application/json\n\n${JSON.stringify(body)}`, status, type },
    ];
  });
}
