// The leaders' summary's tabs in order, as a leader sees them (Chinese): one list the tests compare against.
export const SUMMARY_TABS: readonly string[] = [
  '概览',
  '本月进度',
  '排名',
  '热力图',
  '组织生活',
  '预警党员',
  '整改',
  '逾期整改',
  '即将到期',
  '季度晾晒',
  '年度考评',
  '先进党员',
  '年终评议',
  '书记绩效',
  '项目',
  '各支部项目',
  '项目公开',
  '双月公开单',
  '晋级申报',
  '党员积分',
  '各支部积分',
  '数据质量',
  '数据不完整',
  '发布后修改',
  '数据问题',
];

/** A group's (集团) summary: its committees side by side and the best and worst branches, no branch or member lists. */
export const GROUP_SUMMARY_TABS: readonly string[] = [
  '概览',
  '各党委',
  '首尾支部',
  '季度晾晒',
  '年度考评',
  '各党委数据质量',
  '数据问题',
];
