// Small builders for domain test records, so each test states only the fields it is about.
import {
  DEFAULT_SETTINGS,
  emptyBranchData,
  type AttendanceMark,
  type BranchData,
  type Category,
  type ConfigData,
  type Criterion,
  type Level,
  type Member,
  type Org,
  type Session,
  type SessionType,
  type Settings,
} from '../../../shared/domain/types';

export const settings: Settings = DEFAULT_SETTINGS;

export function org(id: string, level: Level, parentId: string | null, category: Category | null = null): Org {
  return { id, name: `name-${id}`, level, category, parentId, secretary: null, secretaryType: null, workbook: null };
}

export function member(id: string, group: string | null = null, status: Member['status'] = 'active'): Member {
  return { id, name: `name-${id}`, group, kind: 'full', status };
}

export function session(id: string, date: string, type: SessionType = 'study', group: string | null = null): Session {
  return { id, date, type, topic: null, group, hours: null };
}

export function cell(memberId: string, sessionId: string, mark: AttendanceMark): BranchData['attendance'][number] {
  return { memberId, sessionId, mark };
}

export function criterion(id: string, appliesTo: Criterion['appliesTo'], maxPoints: number): Criterion {
  return { id, name: `name-${id}`, appliesTo, maxPoints, method: null };
}

export function branch(orgId: string, parts: Partial<Omit<BranchData, 'orgId'>> = {}): BranchData {
  return { ...emptyBranchData(orgId), ...parts };
}

export function config(parts: Partial<ConfigData> = {}): ConfigData {
  return { orgs: [], criteria: [], reviews: [], settings, publications: [], ...parts };
}
