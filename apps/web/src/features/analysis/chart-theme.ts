/** Colours the console's charts share: the console's red first, then calm tones that print well. */
export const chartColors = ['#b3261e', '#1677ff', '#13a8a8', '#faad14', '#722ed1', '#52c41a', '#eb2f96', '#8c8c8c', '#fa541c', '#2f54eb'];

/** Names longer than this are cut on an axis (the tooltip shows them whole). */
export const shortName = (name: string, max = 8): string => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

/** Axis and tooltip settings every bar and line chart uses. */
export const baseChart = {
  color: chartColors,
  tooltip: { trigger: 'axis', confine: true },
  grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
  animationDuration: 400,
};
