// Reads the 考勤 attendance matrix: one row per member, one column per session id, a mark in each expected cell.
import { displayValue, isBlank, parseAttendanceMark } from './cells';
import { parseId } from './schema';
import { headerMatches, normalizeHeader } from './headers';
import { expectedText, makeIssue, type ValidationIssue } from './issues';
import {
  duplicateIssue,
  emptyOutcome,
  findTab,
  isEmptyRow,
  locateHeader,
  missingColumnIssue,
  missingTabIssue,
  repeatsHeader,
  rowCells,
  type TabOutcome,
  emptyTabIssue,
} from './read-tab';
import { ATTENDANCE_TAB, attendanceColumns } from './tabs/branch';
import type { Attendance } from '../domain/types';
import type { RawWorkbook } from './raw';

export interface AttendanceContext {
  /**
   * Every session id the 组织生活 tab names (rejected rows included, so one bad date does not orphan a column);
   * null when that tab failed at tab level: no column can be matched, and none is reported one by one.
   */
  sessionIds: readonly string[] | null;
  /** Every member id the 党员 tab names; null when that tab failed at tab level: rows are not checked one by one. */
  memberIds: ReadonlySet<string> | null;
}

/** One member's row of the matrix: the marks of the sessions they were expected at. */
export interface AttendanceRow {
  memberId: string;
  marks: Attendance[];
}

export function readAttendance(wb: RawWorkbook, ctx: AttendanceContext): TabOutcome<AttendanceRow> {
  const raw = findTab(wb, ATTENDANCE_TAB);
  const out = emptyOutcome<AttendanceRow>(ATTENDANCE_TAB, raw);
  if (raw === undefined) {
    out.issues.push(missingTabIssue(wb.id, ATTENDANCE_TAB));
    return out;
  }
  const located = locateHeader(raw);
  if (located === null) {
    out.skipped = true;
    out.issues.push(emptyTabIssue(wb.id, raw.name, ATTENDANCE_TAB));
    return out;
  }
  const { header, keys, body } = located;
  const sessionsByKey = new Map((ctx.sessionIds ?? []).map((id) => [normalizeHeader(id), id]));
  let memberCol = -1;
  const sessionCols: { index: number; sessionId: string }[] = [];
  header.cells.forEach((cell, i) => {
    const text = displayValue(cell);
    if (text === '') return;
    if (memberCol < 0 && headerMatches(text, attendanceColumns.memberId)) memberCol = i;
    else if (headerMatches(text, attendanceColumns.name)) return;
    else if (attendanceColumns.ignorable.some((c) => headerMatches(text, c))) return;
    else {
      const sessionId = sessionsByKey.get(normalizeHeader(text));
      if (sessionId !== undefined) sessionCols.push({ index: i, sessionId });
      else if (ctx.sessionIds !== null) out.issues.push(unknownSessionColumn(wb.id, raw.name, header.rowNumber, text));
    }
  });
  if (memberCol < 0) {
    out.skipped = true;
    out.issues.push(missingColumnIssue(wb.id, raw.name, header.rowNumber, [attendanceColumns.memberId]));
    // Nothing is lost: the rows are kept as typed, none of them counted, until the header is fixed.
    for (const row of body)
      if (!isEmptyRow(row) && !repeatsHeader(row, header))
        out.rows.push({ row: row.rowNumber, cells: rowCells(row, keys), record: null });
    return out;
  }
  const seen = new Set<string>();
  for (const row of body) {
    if (isEmptyRow(row) || repeatsHeader(row, header)) continue;
    const cells = rowCells(row, keys);
    out.rows.push({ row: row.rowNumber, cells, record: null });
    const outcome = out.rows[out.rows.length - 1];
    if (outcome === undefined) continue;
    const place = (i: number) => ({
      workbook: wb.id,
      tab: raw.name,
      row: row.rowNumber,
      column: keys[i] ?? '',
      value: displayValue(row.cells[i]),
    });
    const idCell = row.cells[memberCol];
    const id = parseId(idCell);
    if (!id.ok || id.value === null) {
      const text = id.ok
        ? { zh: '党员编号必填', en: 'member_id must not be blank' }
        : expectedText(id.expected, displayValue(idCell));
      out.issues.push(makeIssue({ code: id.ok ? 'required_value' : 'unreadable_cell', ...place(memberCol), text }));
      continue;
    }
    const memberId = id.value;
    if (ctx.memberIds !== null && !ctx.memberIds.has(memberId)) {
      out.issues.push(unknownMember(place(memberCol), memberId));
      continue;
    }
    if (seen.has(memberId)) {
      out.issues.push(duplicateIssue(place(memberCol)));
      continue;
    }
    seen.add(memberId);
    const marks: Attendance[] = [];
    const errors: ValidationIssue[] = [];
    for (const { index, sessionId } of sessionCols) {
      const cell = row.cells[index];
      if (cell === undefined || isBlank(cell)) continue;
      const mark = parseAttendanceMark(cell);
      if (!mark.ok)
        errors.push(
          makeIssue({
            code: 'unreadable_cell',
            ...place(index),
            text: expectedText(mark.expected, displayValue(cell)),
          }),
        );
      else if (mark.value !== null) marks.push({ memberId, sessionId, mark: mark.value });
    }
    // A cell that cannot be read rejects the row, as everywhere else: the secretary fixes it and the row counts again.
    if (errors.length > 0) out.issues.push(...errors);
    else outcome.record = { memberId, marks };
  }
  return out;
}

function unknownSessionColumn(workbook: string, tab: string, row: number, header: string): ValidationIssue {
  return makeIssue({
    code: 'unknown_reference',
    workbook,
    tab,
    row,
    column: header,
    value: header,
    text: {
      zh: `列标题“${header}”不是“组织生活”表中的活动编号，本列未导入`,
      en: `column "${header}" is not a session_id listed in the sessions tab; the column was not imported`,
    },
  });
}

export function unknownMember(
  p: { workbook: string; tab: string; row: number; column: string; value: string },
  memberId: string,
): ValidationIssue {
  return makeIssue({
    code: 'unknown_reference',
    ...p,
    text: {
      zh: `党员编号“${memberId}”不在“党员”表中，本行未导入`,
      en: `member_id "${memberId}" is not in the members tab; this row was not imported`,
    },
  });
}
