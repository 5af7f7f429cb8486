// The simulator's deterministic demo corp. MeetBridge's own demo seed imports these
// constants to create matching OA accounts and userid mappings, so keep it pure data
// (no node: imports) and never change an existing userid or secret lightly.

export interface SimCorp {
  corpId: string;
  name: string;
  /** Paid editions seat 300 invitees, others 100. */
  paidEdition: boolean;
  /** Some editions accept invitees over the seat cap and report them as excess_users. */
  reportExcessUsers: boolean;
  /**
   * The paid meeting features (会议高级功能): with them, WeCom also calls back when a
   * meeting starts or ends (meeting_start, meeting_end); without, only modify_meeting and
   * cancel_meeting. Independent of paidEdition, as in WeCom, where it is a separate purchase.
   */
  meetingAdvanced: boolean;
  timeZone: string;
}

export interface SimDepartment {
  id: number;
  name: string;
  parentId: number; // 0 for the root
}

export interface SimMember {
  userid: string;
  name: string;
  departmentId: number;
  departmentName: string;
  position: string;
  mobile: string;
  email: string;
  gender: 1 | 2;
}

export type SimAppKind = "self_built" | "third_party" | "custom";

export interface SimApp {
  key: string;
  name: string;
  kind: SimAppKind;
  corpId: string;
  agentId: number;
  /** self_built and custom: the corpsecret for gettoken (for custom, its permanent code). */
  secret?: string;
  suiteId?: string;
  suiteSecret?: string;
  suiteTicket?: string;
  /** third_party: the permanent code the demo corp granted the suite. */
  permanentCode?: string;
  meetingPermission: boolean;
  allowPartyIds: number[];
  allowUserIds: string[];
  /** Every member the app can see: allowUserIds plus members of allowPartyIds and their sub-departments. */
  visibleUserIds: string[];
}

export const SIM_CORP_ID = "wwdemo0000000001";

export const SIM_CORPS: SimCorp[] = [
  {
    corpId: SIM_CORP_ID,
    name: "示例科技有限公司",
    paidEdition: false,
    reportExcessUsers: false,
    // On, so the demo shows meetings starting and ending by callback; switched off with
    // POST /__sim/corps/:corpId/settings {"meetingAdvanced": false} to see polling alone.
    meetingAdvanced: true,
    timeZone: "Asia/Shanghai",
  },
];

export const SIM_DEPARTMENTS: SimDepartment[] = [
  { id: 1, name: "示例科技有限公司", parentId: 0 },
  { id: 2, name: "总经办", parentId: 1 },
  { id: 3, name: "研发部", parentId: 1 },
  { id: 4, name: "产品部", parentId: 1 },
  { id: 5, name: "市场部", parentId: 1 },
  { id: 6, name: "行政人事部", parentId: 1 },
];

// [userid, name, departmentId, position, gender]
const PEOPLE: [string, string, number, string, 1 | 2][] = [
  ["zhangwei", "张伟", 2, "总经理", 1],
  ["wangfang", "王芳", 2, "副总经理", 2],
  ["liuyang", "刘洋", 2, "总经理助理", 1],
  ["chenjing", "陈静", 2, "董事会秘书", 2],
  ["lihua", "李华", 3, "研发总监", 1],
  ["zhaolei", "赵磊", 3, "后端工程师", 1],
  ["sunli", "孙丽", 3, "前端工程师", 2],
  ["zhouqiang", "周强", 3, "测试工程师", 1],
  ["wuhao", "吴昊", 3, "架构师", 1],
  ["zhengshuang", "郑爽", 3, "后端工程师", 2],
  ["fengxue", "冯雪", 3, "运维工程师", 2],
  ["chenming", "陈明", 3, "移动端工程师", 1],
  ["yangfan", "杨帆", 3, "数据工程师", 1],
  ["hejun", "何军", 3, "安全工程师", 1],
  ["xuqing", "徐晴", 4, "产品总监", 2],
  ["machao", "马超", 4, "产品经理", 1],
  ["zhuyan", "朱燕", 4, "交互设计师", 2],
  ["hulin", "胡林", 4, "视觉设计师", 1],
  ["guoxin", "郭鑫", 4, "产品经理", 1],
  ["linna", "林娜", 4, "产品运营", 2],
  ["gaoyuan", "高远", 5, "市场总监", 1],
  ["luoyi", "罗毅", 5, "品牌经理", 1],
  ["liangjie", "梁洁", 5, "渠道经理", 2],
  ["songjia", "宋佳", 5, "市场专员", 2],
  ["tangwen", "唐雯", 5, "活动策划", 2],
  ["hanmei", "韩梅", 5, "商务经理", 2],
  ["caoyu", "曹宇", 5, "市场专员", 1],
  ["dengli", "邓丽", 6, "行政人事经理", 2],
  ["xiaoming", "萧明", 6, "行政专员", 1],
  ["tianjing", "田静", 6, "HRBP", 2],
  ["panyue", "潘悦", 6, "招聘专员", 2],
  ["duwei", "杜伟", 6, "前台", 1],
];

export const SIM_MEMBERS: SimMember[] = PEOPLE.map(
  ([userid, name, departmentId, position, gender], i) => ({
    userid,
    name,
    departmentId,
    departmentName: SIM_DEPARTMENTS.find((d) => d.id === departmentId)?.name ?? "",
    position,
    mobile: `138${String(10000000 + i * 1373).padStart(8, "0")}`,
    email: `${userid}@demo-corp.example.com`,
    gender,
  }),
);

function subtree(id: number): number[] {
  return [id, ...SIM_DEPARTMENTS.filter((d) => d.parentId === id).flatMap((d) => subtree(d.id))];
}

function resolveVisible(allowPartyIds: number[], allowUserIds: string[]): string[] {
  const parties = new Set(allowPartyIds.flatMap(subtree));
  return SIM_MEMBERS.filter(
    (m) => parties.has(m.departmentId) || allowUserIds.includes(m.userid),
  ).map((m) => m.userid);
}

type AppInput = Omit<SimApp, "visibleUserIds" | "corpId">;

const APPS: AppInput[] = [
  {
    // The demo's main app: leaves 行政人事部 (department 6) out of its visible range.
    key: "meeting-assistant",
    name: "会议助手",
    kind: "self_built",
    agentId: 1000002,
    secret: "sim-secret-meeting-assistant-7Qm2xK9p",
    meetingPermission: true,
    allowPartyIds: [2, 3, 4, 5],
    allowUserIds: [],
  },
  {
    key: "notice-bot",
    name: "通知公告",
    kind: "self_built",
    agentId: 1000003,
    secret: "sim-secret-notice-bot-3Vd8rT1w",
    meetingPermission: false,
    allowPartyIds: [1],
    allowUserIds: [],
  },
  {
    key: "third-party",
    name: "会议通（第三方应用）",
    kind: "third_party",
    agentId: 1000004,
    suiteId: "wwsuite0000000001",
    suiteSecret: "sim-suite-secret-Hf4nL6zc",
    suiteTicket: "sim-suite-ticket-Pq7sW2ye",
    permanentCode: "sim-permanent-code-Jk5tB8va",
    meetingPermission: true,
    allowPartyIds: [1],
    allowUserIds: [],
  },
  {
    // 代开发: gettoken with the authorising corp's corpid and the app's own secret.
    key: "custom-dev",
    name: "会议预约（代开发）",
    kind: "custom",
    agentId: 1000005,
    secret: "sim-custom-secret-Rz3cN9ud",
    meetingPermission: true,
    allowPartyIds: [3, 4],
    allowUserIds: ["zhangwei", "dengli"],
  },
];

export const SIM_APPS: SimApp[] = APPS.map((a) => ({
  ...a,
  corpId: SIM_CORP_ID,
  visibleUserIds: resolveVisible(a.allowPartyIds, a.allowUserIds),
}));

export const SIM_SEED: {
  corps: SimCorp[];
  departments: SimDepartment[];
  members: SimMember[];
  apps: SimApp[];
} = {
  corps: SIM_CORPS,
  departments: SIM_DEPARTMENTS,
  members: SIM_MEMBERS,
  apps: SIM_APPS,
};

export function simApp(
  key: "meeting-assistant" | "notice-bot" | "third-party" | "custom-dev",
): SimApp {
  const app = SIM_APPS.find((a) => a.key === key);
  if (!app) throw new Error(`unknown simulator app ${key}`);
  return app;
}
