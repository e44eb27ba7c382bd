/**
 * Function words that occur in every kind of request and so tell neither the category nor a search anything.
 * Kept short on purpose: negations and degree words that change a complaint's meaning ("没有", "太") stay out.
 */
export const stopWords: ReadonlySet<string> = new Set([
  '的', '了', '是', '在', '和', '与', '及', '或', '也', '都', '就', '还', '又', '而', '但', '并', '被', '把', '对', '于',
  '从', '向', '给', '让', '这', '那', '这个', '那个', '这些', '那些', '这里', '那里', '一个', '一些', '我', '我们', '你',
  '你们', '他', '她', '它', '他们', '她们', '自己', '大家', '有', '吗', '呢', '吧', '啊', '呀', '哦', '嗯', '么', '之',
  '其', '以', '等', '着', '过', '很', '请', '您', '您好', '你好', '谢谢', '麻烦', '一下', '个', '为', '将', '能', '会',
  '要', '得', '地', '所', '如', '如果', '因为', '所以', '但是', '而且', '可以', '已经', '什么', '怎么', '现在',
  'the', 'a', 'an', 'of', 'to', 'and', 'is', 'in', '0',
]);
