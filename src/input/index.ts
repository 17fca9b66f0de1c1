export { formatBytes, GiB, KiB, MiB } from './bytes';
export { type DecodedText, decodeText, type TextEncoding } from './decode';
export { type BoundedLine, boundedLines } from './lines';
export { InputError, type ReadText, readImageFile, readStdin, readTextFile, readTextStream } from './read';
