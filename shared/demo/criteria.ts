// The grading standard: a common set for every branch plus a set per category, 100 points for each category.
import type { Category, Criterion } from '../domain/types';

export const CRITERIA: readonly Criterion[] = [
  { id: 'C01', name: '按期召开支委会', appliesTo: 'all', maxPoints: 10, method: 'evidence' },
  { id: 'C02', name: '主题党日规范开展', appliesTo: 'all', maxPoints: 10, method: 'on_site' },
  { id: 'C03', name: '“三会一课”落实', appliesTo: 'all', maxPoints: 15, method: 'evidence' },
  { id: 'C04', name: '党员教育管理', appliesTo: 'all', maxPoints: 10, method: 'self' },
  { id: 'C05', name: '党费收缴使用', appliesTo: 'all', maxPoints: 5, method: 'evidence' },
  { id: 'C06', name: '意识形态与宣传', appliesTo: 'all', maxPoints: 10, method: 'self' },
  { id: 'C11', name: '安全生产党员责任区', appliesTo: 'production', maxPoints: 15, method: 'on_site' },
  { id: 'C12', name: '党员示范岗作用发挥', appliesTo: 'production', maxPoints: 10, method: 'on_site' },
  { id: 'C13', name: '供电可靠性与优质服务', appliesTo: 'production', maxPoints: 15, method: 'evidence' },
  { id: 'C21', name: '机关作风建设', appliesTo: 'management', maxPoints: 15, method: 'on_site' },
  { id: 'C22', name: '服务基层成效', appliesTo: 'management', maxPoints: 15, method: 'self' },
  { id: 'C23', name: '制度建设与执行', appliesTo: 'management', maxPoints: 10, method: 'evidence' },
  { id: 'C31', name: '营销服务质效', appliesTo: 'business', maxPoints: 15, method: 'evidence' },
  { id: 'C32', name: '客户满意度', appliesTo: 'business', maxPoints: 15, method: 'on_site' },
  { id: 'C33', name: '经营指标完成', appliesTo: 'business', maxPoints: 10, method: 'evidence' },
];

export function criteriaFor(category: Category): Criterion[] {
  return CRITERIA.filter((c) => c.appliesTo === 'all' || c.appliesTo === category);
}

/** Chinese words for the English keys, usual word first, then synonyms people type. */
export const CATEGORY_WORDS: Record<Category | 'all', readonly string[]> = {
  all: ['全部', '通用', '公用'],
  production: ['生产', '生产类'],
  management: ['管理', '管理类'],
  business: ['经营', '经营类'],
};

export const METHOD_WORDS: Record<NonNullable<Criterion['method']>, readonly string[]> = {
  self: ['自评'],
  on_site: ['现场'],
  evidence: ['资料'],
};
