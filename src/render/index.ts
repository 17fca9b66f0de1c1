export { clientParts, type DocumentContext, entryDocument, modelDocument, statusLine, unknownDocument } from './document';
export { fence, renderDetailsMarkdown, renderFullMarkdown, renderReplyMarkdown } from './markdown';
export { type DetailsPart, detailsPart, hasDetails, type ReplyPart, replyPart } from './parts';
export { placeholderValues } from './placeholders';
export { fmtDuration, fmtUtc } from './format';
