/**
 * @copydesk/core: the pure core the server, the dashboard and the tests share. Text and learned
 * inputs in, a segmentation / article values / checks out; no I/O (src/purity.test.ts).
 * Offsets are UTF-16 code unit indexes into the raw text, half-open [start, end).
 */
export * from './parse/index.ts';
export { LINE_MEMORY_RULE, isMemorable, lineKey, linePrefix, sourceKey, storiesNeeded } from './parse/learned.ts';
export { scoreDump } from './parse/confidence.ts';
export { lineShape, ShapeError } from './parse/shape.ts';
export * from './derive/index.ts';
export { publishedAt, sliceValue, spanText } from './derive/articles.ts';
export { articleFingerprint, foldText, hash53 } from './derive/fingerprint.ts';
export * from './derive/validate.ts';
export * from './review/warnings.ts';
export * from './review/audit-actions.ts';
