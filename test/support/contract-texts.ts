import Anthropic, { RetryableError } from '@anthropic-ai/sdk';
import * as errorClasses from '@anthropic-ai/sdk/core/error-classes';
import { TYPE_STATUS } from '../../src/extract';

/**
 * The documented error contract as pastes. For every documented status and `error.type`
 * (platform.claude.com/docs/en/api/errors, checked 2026-12-07; TYPE_STATUS holds the table):
 * - `ts`, `ts-no-body`: the error the official TypeScript SDK raises for it, with the body and for a
 *   response without one — produced by the installed SDK, its own class and message;
 * - `py`, `py-no-body`: the same from the official Python SDK, whose classes and `str(e)` format
 *   (`Error code: {status} - {body repr}`, `Error code: {status}` without a body) are listed in
 *   ../shared/research/catalogue-facts.md §4.1 from anthropic-sdk-python's _exceptions.py / _client.py;
 * - `http`: the raw response as `curl -i` prints it.
 * Plus both SDKs' connection and timeout errors, the 503 class, and every other status the SDKs
 * raise a class of their own for (`ts-no-body`: TypeScript SDK 1.x — PaymentRequiredError,
 * RequestTimeoutError, PreconditionFailedError, UnprocessableEntityError,
 * RequestHeaderFieldsTooLargeError, ClientClosedRequestError, NotImplementedError; `py-no-body`:
 * Python's UnprocessableEntityError; `ts` for 412: the 1.x subclass an error code gets), and Python's APIResponseValidationError. The message is
 * elided ("…"), so only the status, the type and the class speak.
 */
export interface ContractText {
  key: string;
  text: string;
  /** The status the paste shows, null for a connection or timeout error. */
  status: number | null;
  /** The documented type when the paste carries the body; null otherwise. */
  type: string | null;
}

/** The request id of the docs' own example body. */
const REQUEST_ID = 'req_011CSHoEeqs5C35K2UUqR7Fy';

/** The Python SDK's class per status on the first-party client; other statuses get APIStatusError (402) or InternalServerError (≥ 500). */
const PYTHON_CLASS: Readonly<Record<number, string>> = {
  400: 'BadRequestError',
  401: 'AuthenticationError',
  403: 'PermissionDeniedError',
  404: 'NotFoundError',
  409: 'ConflictError',
  413: 'RequestTooLargeError',
  422: 'UnprocessableEntityError',
  429: 'RateLimitError',
  529: 'OverloadedError',
};
export const pythonClass = (status: number) => PYTHON_CLASS[status] ?? (status >= 500 ? 'InternalServerError' : 'APIStatusError');

type ErrorClass = new (status: number, body: unknown, message: string | undefined, headers: Headers) => Error;
/**
 * The installed SDK's class per `"<status> <error_code>"` (1.x: AlreadyMemberError for `400 already_member` …).
 * The map is internal to the SDK (its types omit it), so a new SDK that drops it shows up here as an empty map.
 */
export const SDK_ERROR_CODE_CLASSES: ReadonlyMap<string, ErrorClass> = (errorClasses as unknown as { ERROR_CODE_CLASSES?: Map<string, ErrorClass> }).ERROR_CODE_CLASSES ?? new Map();

/** Statuses without a documented type that the SDKs still raise a class of their own for. */
const UNDOCUMENTED_CLASS_STATUSES = [408, 412, 422, 431, 499, 501] as const;

/** A Python dict repr of the body, as the Python SDK prints it. */
const pythonRepr = (body: { type: string; error: { type: string; message: string }; request_id: string }) =>
  `{'type': '${body.type}', 'error': {'type': '${body.error.type}', 'message': '${body.error.message}'}, 'request_id': '${body.request_id}'}`;

export function contractTexts(): ContractText[] {
  const headers = new Headers({ 'request-id': REQUEST_ID });
  const documented = Object.entries(TYPE_STATUS).flatMap(([type, status]) => {
    const body = { type: 'error', error: { type, message: '…' }, request_id: REQUEST_ID };
    const py = `anthropic.${pythonClass(status)}: Error code: ${status}`;
    return [
      { key: `contract/${status}/ts`, text: String(Anthropic.APIError.generate(status, body, undefined, headers)), status, type },
      { key: `contract/${status}/ts-no-body`, text: String(Anthropic.APIError.generate(status, undefined, undefined, headers)), status, type: null },
      { key: `contract/${status}/py`, text: `${py} - ${pythonRepr(body)}`, status, type },
      { key: `contract/${status}/py-no-body`, text: py, status, type: null },
      { key: `contract/${status}/http`, text: `HTTP/2 ${status}\nrequest-id: ${REQUEST_ID}\ncontent-type: application/json\n\n${JSON.stringify(body)}`, status, type },
    ];
  });
  return [
    ...documented,
    // 503 has no documented type, but both SDKs name it (Python only through its Bedrock and Vertex clients).
    { key: 'contract/503/ts-no-body', text: String(Anthropic.APIError.generate(503, undefined, undefined, headers)), status: 503, type: null },
    { key: 'contract/503/py-no-body', text: 'anthropic.ServiceUnavailableError: Error code: 503', status: 503, type: null },
    ...UNDOCUMENTED_CLASS_STATUSES.map((status) => ({ key: `contract/${status}/ts-no-body`, text: String(Anthropic.APIError.generate(status, undefined, undefined, headers)), status, type: null })),
    // SDK 1.x raises a subclass per `error.details.error_code`; 412 has no documented type, so the body says invalid_request_error (the errors page's type for unlisted 4xx).
    ...[...SDK_ERROR_CODE_CLASSES].filter(([key]) => key.startsWith('412 ')).slice(0, 1).map(([key, ErrorClass]) => {
      const body = { type: 'error', error: { type: 'invalid_request_error', message: '…', details: { error_code: key.slice(4) } }, request_id: REQUEST_ID };
      return { key: 'contract/412/ts', text: String(new ErrorClass(412, body, undefined, headers)), status: 412, type: 'invalid_request_error' };
    }),
    { key: 'contract/422/py-no-body', text: 'anthropic.UnprocessableEntityError: Error code: 422', status: 422, type: null },
    // anthropic-sdk-python's _exceptions.py: a response body the SDK could not read as the expected schema.
    { key: 'contract/response-validation/py', text: 'anthropic.APIResponseValidationError: Data returned by API invalid for expected schema.', status: null, type: null },
    { key: 'contract/connection/ts', text: String(new Anthropic.APIConnectionError({})), status: null, type: null },
    { key: 'contract/timeout/ts', text: String(new Anthropic.APIConnectionTimeoutError()), status: null, type: null },
    { key: 'contract/connection/py', text: 'anthropic.APIConnectionError: Connection error.', status: null, type: null },
    {
      key: 'contract/timeout/py',
      text: 'anthropic.APITimeoutError: Request timed out or interrupted. This could be due to a network timeout, dropped connection, or request cancellation. See https://docs.anthropic.com/en/api/errors#long-requests for more details.',
      status: null,
      type: null,
    },
  ];
}

/**
 * The `error.details.error_code` values of SDK 1.13.0 that the catalogue answers, as pastes. The
 * status and the TypeScript class come from the installed SDK itself (`ERROR_CODE_CLASSES` in
 * @anthropic-ai/sdk/core/error-classes: "<status> <code>" -> class; resources/shared.d.ts describes
 * each code); the type is the documented type of that status. Forms:
 * - `ts`: the error the installed SDK raises for that response (`makeStatusError`, its own class and message);
 * - `py`: the Python SDK's `str(e)` line with its class for the status (catalogue-facts §4.1);
 * - `py-code`: the same with the per-code class, as platform.claude.com/docs/en/api/handle-errors shows
 *   for `anthropic.EnforcedSpendLimitReachedError` (the other names follow the SDKs' naming);
 * - `http`: the raw response as `curl -i` prints it (a 429 with `retry-after` only for the ramp limit,
 *   whose description says to honour it).
 * The message is elided ("…") — the docs say not to match on its wording — so only status, type and code speak.
 */
export const ERROR_CODES = [
  'contract_spend_limit_reached',
  'enforced_spend_limit_reached',
  'linked_organization_spend_limit_reached',
  'linked_organization_billing_unavailable',
  'ramp_limit_exceeded',
  'claude_code_version_too_old',
  'claude_code_key_creator_not_member',
  'organization_on_hold',
  'organization_type_not_supported',
  'parent_organization_required',
  'cmek_key_disabled',
  'cmek_key_network_blocked',
  'cmek_key_unreachable',
  'cmek_context_unavailable',
  'request_body_encoding_invalid',
  'request_body_encoding_unsupported',
  'request_body_too_large_after_decoding',
  'sandbox_egress_restricted',
  'workspace_human_review_disabled',
  'image_dimensions_too_large',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorCodeText extends ContractText {
  code: ErrorCode;
}

/** The documented type for a status (the inverse of TYPE_STATUS; 503 has none documented). */
const typeOfStatus = (status: number): string =>
  Object.entries(TYPE_STATUS).find(([, s]) => s === status)?.[0] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');

/** The SDK's status for each error code: the key of its ERROR_CODE_CLASSES entry ("429 ramp_limit_exceeded"). */
export function sdkCodeStatus(): ReadonlyMap<string, number> {
  return new Map([...SDK_ERROR_CODE_CLASSES.keys()].map((k) => [k.split(' ')[1]!, Number(k.split(' ')[0])]));
}

export function errorCodeTexts(): ErrorCodeText[] {
  const statusOf = sdkCodeStatus();
  const client = new Anthropic({ apiKey: 'not-used' }) as unknown as {
    makeStatusError(status: number, body: unknown, message: undefined, headers: Headers): Error;
  };
  const headers = new Headers({ 'request-id': REQUEST_ID });
  return ERROR_CODES.flatMap((code) => {
    const status = statusOf.get(code);
    if (status === undefined) throw new Error(`the installed SDK has no class for error_code ${code}`);
    const type = typeOfStatus(status);
    const body = { type: 'error', error: { type, message: '…', details: { error_code: code } }, request_id: REQUEST_ID };
    const ts = client.makeStatusError(status, body, undefined, headers);
    const repr = `{'type': 'error', 'error': {'type': '${type}', 'message': '…', 'details': {'error_code': '${code}'}}, 'request_id': '${REQUEST_ID}'}`;
    const retryAfter = code === 'ramp_limit_exceeded' ? 'retry-after: 30\n' : '';
    const forms: Array<[string, string]> = [
      ['ts', String(ts)],
      ['py', `anthropic.${pythonClass(status)}: Error code: ${status} - ${repr}`],
      ['py-code', `anthropic.${ts.name}: Error code: ${status} - ${repr}`],
      ['http', `HTTP/2 ${status}\nrequest-id: ${REQUEST_ID}\n${retryAfter}content-type: application/json\n\n${JSON.stringify(body)}`],
    ];
    return forms.map(([form, text]) => ({ key: `contract/${code}/${form}`, text, status, type, code }));
  });
}

/**
 * The HTTP statuses the TypeScript SDK 1.x names with classes of their own (CHANGELOG 1.5.0;
 * core/error.js STATUS_ERROR_CLASSES) and the documented contract above does not already cover
 * (402 and 413 are there as `ts-no-body`), raised by the installed SDK without a body (the case where
 * only the class and status speak), plus the Python SDK's line for the same status (APIStatusError
 * for a status it has no class for), and `RetryableError` as the TypeScript SDK prints it.
 */
export const STATUS_CLASSES = [408, 412, 422, 431, 499] as const;

export function statusClassTexts(): ContractText[] {
  const headers = new Headers({ 'request-id': REQUEST_ID });
  return [
    ...STATUS_CLASSES.flatMap((status) => [
      { key: `contract/${status}/ts-class`, text: String(Anthropic.APIError.generate(status, undefined, undefined, headers)), status, type: null },
      { key: `contract/${status}/py-class`, text: `anthropic.${pythonClass(status)}: Error code: ${status}`, status, type: null },
    ]),
    { key: 'contract/retryable/ts', text: String(new RetryableError()), status: null, type: null },
  ];
}
