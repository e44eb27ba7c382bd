/** The public portal: no login. */
export const portal = {
  nav: {
    label: '主导航',
    resident: '居民端',
    console: '工作台',
  },
  hero: {
    title: '共治',
    subtitle: '社区的事，大家商量着办',
    intro: '共治是一个开源的社区治理平台：诉求有人听、有人办、有回音；议事、公约、账目和荣誉都公开可查。',
  },
  entries: {
    residentTitle: '我是居民',
    residentText: '反映诉求、参与议事、报名活动。支持长辈版。',
    residentGo: '进入居民端',
    consoleTitle: '我是工作人员',
    consoleText: '社区、街道、网格员在这里处理日常工作。',
    consoleGo: '进入工作台',
  },
  communities: {
    title: '入驻社区',
    empty: '还没有社区入驻。',
    subdistrict: '所属街道：{{name}}',
    failed: '社区列表暂时无法加载。',
  },
  sections: {
    title: '公开信息',
    covenantWhere: '已公布的公约列在上方各社区之下。',
    nothingYet: '尚未发布任何内容。',
    disclosure: '公开栏',
    disclosureText: '党务、居务、财务、服务公开。',
    ledger: '账目公开',
    ledgerText: '每一笔收入和支出，人人可查、可核验。',
    covenant: '居民公约',
    covenantText: '大家商量、共同遵守的公约。',
    honour: '光荣榜',
    honourText: '表彰身边的好人好事。',
  },
  footer: '共治 · 开源软件（AGPL-3.0）',
};
