// Cell parsers for hand-filled spreadsheets: each reads one cell as people really type it (often on a phone, in
// Chinese) and answers either the value (null when blank) or, in Chinese and English, what the cell should hold. None
// ever throws.
export type { Bilingual, CellResult, CellValue } from './cells/types';
export { displayValue, isBlank, normalizeText } from './cells/value';
export { parseBoolean, parseInteger, parseNumber, parseText } from './cells/scalars';
export { parseDate, parseMonth, parseQuarter } from './cells/calendar';
export {
  enumParser,
  parseAppliesTo,
  parseAttendanceMark,
  parseCategory,
  parseLevel,
  parseMemberKind,
  parseMemberStatus,
  parseProjectGrade,
  parseProjectKind,
  parseRectificationSource,
  parseReviewMethod,
  parseSecretaryType,
  parseSessionType,
} from './cells/enums';
