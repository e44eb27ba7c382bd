/** The same keys as the Chinese resources, any text: the English files must translate every string. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
