/** The staff console shell: login, menu, header. */
export const consoleText = {
  title: '共治工作台',
  login: {
    title: '工作人员登录',
    subtitle: '社区、街道工作人员使用',
    account: '账号',
    accountPlaceholder: '用户名或手机号',
    password: '密码',
    submit: '登录',
    residentLink: '我是居民，去居民端',
    portalLink: '返回首页',
  },
  menu: {
    label: '功能菜单',
    places: '位置',
    residents: '居民',
    households: '户',
    organisations: '组织',
    partyMembers: '党员',
    transfer: '导入导出',
    corrections: '更正申请',
    users: '账号',
    audit: '审计日志',
  },
  header: {
    user: '当前用户',
    logout: '退出登录',
    loggedOut: '您已退出登录',
  },
  onBehalf: {
    banner: '您正在代居民“{{name}}”办理事项，期间的每项操作都会记录您和该居民。',
    stop: '结束代办',
    stopped: '已结束代办',
  },
  noModules: {
    title: '工作台没有适合您的功能',
    description: '您的身份暂时没有可用的工作台模块。居民、组织代表请使用居民端。',
    resident: '前往居民端',
  },
};
