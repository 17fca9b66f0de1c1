export { type DocumentContext, entryDocument, modelDocument, statusLine, unknownDocument } from './document';
export { fence, renderMarkdown } from './markdown';
export { fmtDuration, fmtUtc } from './format';
